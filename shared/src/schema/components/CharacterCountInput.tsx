import {Stack, Text} from '@sanity/ui'
import type {StringInputProps} from 'sanity'

/**
 * An input that shows a live count under the default one ("212 / 400 characters"),
 * so editors see the limit before validation tells them they passed it.
 */
export function withCharacterCount(max: number) {
  return function CharacterCountInput(props: StringInputProps) {
    const length = props.value?.length ?? 0
    const over = length > max
    return (
      <Stack gap={2}>
        {props.renderDefault(props)}
        <Text
          size={1}
          muted={!over}
          style={over ? {color: 'var(--card-badge-critical-fg-color)'} : undefined}
        >
          {`${length} / ${max} characters${over ? ` (${length - max} too many)` : ''}`}
        </Text>
      </Stack>
    )
  }
}
