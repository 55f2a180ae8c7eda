// @vitest-environment jsdom
/**
 * The studio's two custom form components, rendered for real (React, Sanity UI's studio
 * theme, jsdom): the count an editor sees under the excerpt field, and the rank badge
 * beside each entry of a ranked list.
 */
import {ThemeProvider, studioTheme} from '@sanity/ui'
import {cleanup, render, screen} from '@testing-library/react'
import type {ReactNode} from 'react'
import type {ObjectItemProps, StringInputProps} from 'sanity'
import {afterEach, describe, expect, test} from 'vitest'

import {withCharacterCount} from '../../shared/src/schema/components/CharacterCountInput.tsx'
import {RankedEntryItem} from '../../shared/src/schema/components/RankedEntryItem.tsx'

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup)

function StudioTheme({children}: {children: ReactNode}) {
  return <ThemeProvider theme={studioTheme}>{children}</ThemeProvider>
}

/**
 * StringInputProps and ObjectItemProps carry dozens of members that the studio's form
 * builder wires up (paths, focus and change callbacks, schema types, validation, presence).
 * The components under test read only `value` or `index`, and `renderDefault`, so the
 * tests build just those, typed against the real props, and this is the one place that
 * casts the partial object to the full type.
 */
function studioProps<P>() {
  return <K extends keyof P>(props: Pick<P, K>): P => props as P
}

/**
 * The colour the text is drawn in. jsdom cascades the rules styled-components injects,
 * inline styles and inheritance, but leaves var() unresolved: the result names the
 * custom property, which is what the component and Sanity UI choose between.
 */
function colourOf(element: HTMLElement): string {
  return getComputedStyle(element).color
}

const MUTED = 'var(--card-muted-fg-color)'
const CRITICAL = 'var(--card-badge-critical-fg-color)'

describe('the character count under a string input (max 400)', () => {
  const CharacterCountInput = withCharacterCount(400)

  function renderWithValue(value: string | undefined) {
    const props = studioProps<StringInputProps>()({
      value,
      renderDefault: (defaultProps) => (
        <input
          data-testid="default-input"
          readOnly
          value={typeof defaultProps.value === 'string' ? defaultProps.value : ''}
        />
      ),
    })
    render(<CharacterCountInput {...props} />, {wrapper: StudioTheme})
  }

  test('212 characters: "212 / 400 characters", muted, under the default input', () => {
    const value = 'a'.repeat(212)
    renderWithValue(value)

    const count = screen.getByText('212 / 400 characters')
    expect(colourOf(count)).toBe(MUTED)
    const input = screen.getByTestId<HTMLInputElement>('default-input')
    expect(input.value).toBe(value)
    expect(
      input.compareDocumentPosition(count) & Node.DOCUMENT_POSITION_FOLLOWING,
      'the count comes after the default input',
    ).not.toBe(0)
  })

  test('no value yet: "0 / 400 characters", and the default input is still there', () => {
    renderWithValue(undefined)

    expect(colourOf(screen.getByText('0 / 400 characters'))).toBe(MUTED)
    expect(screen.getByTestId<HTMLInputElement>('default-input').value).toBe('')
  })

  test('405 characters: "405 / 400 characters (5 too many)", in the critical colour', () => {
    renderWithValue('a'.repeat(405))

    const count = screen.getByText('405 / 400 characters (5 too many)')
    expect(colourOf(count)).toBe(CRITICAL)
    expect(screen.getByTestId('default-input')).toBeTruthy()
  })

  test('exactly 400 characters: at the limit, not over it', () => {
    renderWithValue('a'.repeat(400))

    expect(colourOf(screen.getByText('400 / 400 characters'))).toBe(MUTED)
    expect(screen.queryByText(/too many/)).toBeNull()
  })
})

describe('the rank badge beside a ranked-list entry', () => {
  function renderAtIndex(index: number) {
    const props = studioProps<ObjectItemProps>()({
      index,
      renderDefault: () => <div data-testid="default-item">Entry</div>,
    })
    render(<RankedEntryItem {...props} />, {wrapper: StudioTheme})
  }

  test.each([
    {index: 0, rank: 1},
    {index: 4, rank: 5},
  ])('the entry at index $index shows "#$rank" and reads "Rank $rank"', ({index, rank}) => {
    renderAtIndex(index)

    // What a screen reader reads: the hidden words, not the "#N" shown beside them.
    const spoken = screen.getByText(`Rank ${rank}`)
    expect(spoken.closest('[aria-hidden="true"]')).toBeNull()
    const shown = screen.getByText(`#${rank}`)
    expect(shown.getAttribute('aria-hidden')).toBe('true')
    expect(shown.parentElement).toBe(spoken.parentElement)
    expect(screen.getByTestId('default-item').textContent).toBe('Entry')
  })
})
