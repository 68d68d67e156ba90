// How a role is named to the person holding it: the header's badge and the name prompt.
export const ROLE_LABEL = { editor: 'Editor', reviewer: 'Reviewer', viewer: 'Viewer' } as const;

export const ROLE_HINT = {
  editor: 'You can edit the translation',
  reviewer: 'You can suggest changes, comment and mark segments reviewed',
  viewer: 'You can read and export',
} as const;
