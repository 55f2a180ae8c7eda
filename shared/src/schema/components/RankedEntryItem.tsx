import {Badge, Box, Flex} from '@sanity/ui'
import type {ObjectItemProps} from 'sanity'

/** A listicle entry in the ranking list, with its rank: the position is the rank. */
export function RankedEntryItem(props: ObjectItemProps) {
  return (
    <Flex align="center" gap={2}>
      <Badge tone="primary" aria-label={`Rank ${props.index + 1}`}>
        #{props.index + 1}
      </Badge>
      <Box flex={1}>{props.renderDefault(props)}</Box>
    </Flex>
  )
}
