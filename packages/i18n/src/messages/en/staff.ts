// Texts of the staff portal's pages (en). Owned by the page authors; keys must match the other language.
export const staff = {} as const;
