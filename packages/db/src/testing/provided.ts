// What the global setup hands to every test file (vitest's provide/inject).
declare module 'vitest' {
  export interface ProvidedContext {
    utvagTestDatabase: { serverUrl: string; template: string; ownerPid: number };
  }
}

export {};
