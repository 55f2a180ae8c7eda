/** vnu-jar's main export is the path of the bundled vnu.jar (the package ships no types). */
declare module 'vnu-jar' {
  const jarPath: string
  export default jarPath
}
