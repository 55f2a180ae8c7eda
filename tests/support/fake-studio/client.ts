/**
 * The Presentation tool's side of the connection to the preview frame, as the
 * studio opens it (sanity/presentation): a comlink controller on the iframe and a
 * "presentation" channel to the overlay's "visual-editing" node, with Sanity's
 * own packages. Bundled for the browser by fake-studio.ts; tests drive it
 * through `window.studio`.
 */
import {createConnectionMachine, createController} from '@sanity/comlink'
import {createCompatibilityActors} from '@sanity/presentation-comlink'

const frame = document.querySelector('iframe')!
const events: Array<{type: string; data: unknown}> = []
let status = 'idle'
let post: (type: string, data: unknown) => void = () => {
  throw new Error('The preview frame has not loaded yet')
}

// As Presentation does: connect once the frame has loaded (after the handshake's redirect).
frame.addEventListener(
  'load',
  () => {
    const controller = createController({targetOrigin: new URL(frame.src).origin})
    controller.addTarget(frame.contentWindow!)
    const channel = controller.createChannel(
      {name: 'presentation', heartbeat: true, connectTo: 'visual-editing'},
      createConnectionMachine().provide({actors: createCompatibilityActors()}),
    )
    const on = channel.on as (type: string, handler: (data: unknown) => void) => void
    for (const type of [
      'visual-editing/focus',
      'visual-editing/navigate',
      'visual-editing/refreshed',
    ])
      on(type, (data) => void events.push({type, data}))
    channel.onStatus((event) => (status = event.status))
    channel.start()
    post = channel.post as typeof post
  },
  {once: true},
)

Object.assign(window, {
  studio: {events, status: () => status, post: (type: string, data: unknown) => post(type, data)},
})
