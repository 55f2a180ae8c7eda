/**
 * Share links as plain addresses of each network's own share page: no script,
 * no button images, nothing requested from a third party until a reader clicks.
 */
export interface ShareLink {
  network: string
  href: string
}

export function shareLinks(pageUrl: string, title: string): ShareLink[] {
  const url = encodeURIComponent(pageUrl)
  const text = encodeURIComponent(title)
  return [
    {network: 'X', href: `https://x.com/intent/post?text=${text}&url=${url}`},
    {network: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${url}`},
    {network: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${url}`},
    {network: 'Email', href: `mailto:?subject=${text}&body=${url}`},
  ]
}
