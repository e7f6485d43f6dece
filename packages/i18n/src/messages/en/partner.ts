// Texts of the partner portal's pages (en). Owned by the page authors; keys must match the other language.
export const partner = {} as const;
