import {Badge, Box, Flex} from '@sanity/ui'
import type {CSSProperties} from 'react'
import type {ObjectItemProps} from 'sanity'

/** Read by screen readers, not shown. */
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
}

/**
 * A listicle entry in the ranking list, with its rank: the position is the rank.
 * Shown as "#3", read as "Rank 3" (a badge has no role an aria-label could name).
 */
export function RankedEntryItem(props: ObjectItemProps) {
  const rank = props.index + 1
  return (
    <Flex align="center" gap={2}>
      <Badge tone="primary">
        <span aria-hidden="true">#{rank}</span>
        <span style={visuallyHidden}>Rank {rank}</span>
      </Badge>
      <Box flex={1}>{props.renderDefault(props)}</Box>
    </Flex>
  )
}
