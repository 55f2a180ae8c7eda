/**
 * A Content Source Map for the local query server, as the Content Lake sends one
 * with `resultSourceMap=withKeyArraySelector`: for each string of a query result,
 * the document and field it came from. groq-js cannot trace values, so they are
 * traced here: from the nearest object of the result that carries a document's
 * `_id`, the result's path is followed through that document (array items by
 * their `_key`, references to the documents they name); a value that was renamed
 * by a projection is looked for in that document instead, and a result without
 * any `_id` above it (the settings) in every document. Enough for what the site
 * queries; a stand-in, not a GROQ tracer.
 */
type Doc = {_id: string; _type?: string; [field: string]: unknown}
type Segment = string | number | {_key: string}

export interface ContentSourceMap {
  documents: Array<{_id: string; _type: string | undefined}>
  paths: string[]
  mappings: Record<
    string,
    {type: 'value'; source: {type: 'documentValue'; document: number; path: number}}
  >
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const quote = (text: string) => text.replace(/[\\']/g, (char) => `\\${char}`)

function jsonPath(path: Segment[]): string {
  return `$${path
    .map((segment) =>
      typeof segment === 'number'
        ? `[${segment}]`
        : typeof segment === 'string'
          ? `['${quote(segment)}']`
          : `[?(@._key=='${quote(segment._key)}')]`,
    )
    .join('')}`
}

/** Where `value` is inside `root`, first match depth-first, or undefined. */
function find(root: unknown, value: string, path: Segment[] = []): Segment[] | undefined {
  if (root === value) return path
  if (Array.isArray(root)) {
    for (const [index, item] of root.entries()) {
      const key = isObject(item) && typeof item._key === 'string' ? {_key: item._key} : index
      const found = find(item, value, [...path, key])
      if (found) return found
    }
  } else if (isObject(root)) {
    for (const [name, child] of Object.entries(root)) {
      if (name.startsWith('_')) continue
      const found = find(child, value, [...path, name])
      if (found) return found
    }
  }
  return undefined
}

export function contentSourceMap(
  result: unknown,
  documents: readonly Doc[],
  /** The id each visible document has in the dataset: "drafts.x" for a draft shown as "x". */
  sourceIdOf: (id: string) => string,
): ContentSourceMap {
  const byId = new Map(documents.map((doc) => [doc._id, doc]))
  const map: ContentSourceMap = {documents: [], paths: [], mappings: {}}
  const documentIndex = new Map<string, number>()
  const pathIndex = new Map<string, number>()

  function record(resultPath: Segment[], doc: Doc, sourcePath: Segment[]) {
    let document = documentIndex.get(doc._id)
    if (document === undefined) {
      document = map.documents.push({_id: sourceIdOf(doc._id), _type: doc._type}) - 1
      documentIndex.set(doc._id, document)
    }
    const source = jsonPath(sourcePath)
    let path = pathIndex.get(source)
    if (path === undefined) {
      path = map.paths.push(source) - 1
      pathIndex.set(source, path)
    }
    map.mappings[jsonPath(resultPath)] = {
      type: 'value',
      source: {type: 'documentValue', document, path},
    }
  }

  /** Follows the result's path (below the document's object) through the document. */
  function trace(doc: Doc, resultNodes: unknown[], relative: Segment[], value: string) {
    let current: unknown = doc
    let owner = doc
    let sourcePath: Segment[] = []
    for (const [step, segment] of relative.entries()) {
      const reference = isObject(current) && typeof current._ref === 'string' ? current._ref : null
      if (reference && byId.has(reference)) {
        owner = byId.get(reference)!
        current = owner
        sourcePath = []
      }
      if (typeof segment === 'number') {
        const resultItem = resultNodes[step + 1]
        const key = isObject(resultItem) && typeof resultItem._key === 'string' && resultItem._key
        if (!Array.isArray(current)) return fallback(owner, value)
        const index = key
          ? current.findIndex((item) => isObject(item) && item._key === key)
          : segment
        if (index < 0) return fallback(owner, value)
        sourcePath = [...sourcePath, key ? {_key: key} : index]
        current = current[index]
      } else {
        if (!isObject(current)) return fallback(owner, value)
        sourcePath = [...sourcePath, segment as string]
        current = current[segment as string]
      }
    }
    return current === value ? {doc: owner, sourcePath} : fallback(owner, value)
  }

  function fallback(doc: Doc, value: string) {
    const sourcePath = find(doc, value)
    return sourcePath ? {doc, sourcePath} : undefined
  }

  function walk(node: unknown, path: Segment[], nodes: unknown[], context?: number) {
    if (isObject(node) && typeof node._id === 'string' && byId.has(node._id)) context = path.length
    if (typeof node === 'string') {
      const found =
        context === undefined
          ? documents.map((doc) => fallback(doc, node)).find((candidate) => candidate !== undefined)
          : trace(
              byId.get((nodes[context] as Doc)._id)!,
              nodes.slice(context),
              path.slice(context),
              node,
            )
      if (found) record(path, found.doc, found.sourcePath)
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...path, index], [...nodes, item], context))
    } else if (isObject(node)) {
      for (const [name, child] of Object.entries(node))
        walk(child, [...path, name], [...nodes, child], context)
    }
  }

  walk(result, [], [result])
  return map
}
