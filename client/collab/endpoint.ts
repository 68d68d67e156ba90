// Where the collaboration socket lives: the same host as the page, under /collab.
export function collabUrl(location: { protocol: string; host: string } = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/** Provider options shared by both rooms: quick retries, as a newsroom desk expects. */
export const RETRY = { maxBackoffTime: 2500 } as const;
