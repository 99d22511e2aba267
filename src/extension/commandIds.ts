// Every command id the extension registers (public: keep them). No `vscode` import, so unit tests can read it.

export const COMMANDS = {
  checkClaims: 'claimcheck.checkClaims',
  checkWorkspace: 'claimcheck.checkWorkspace',
  clear: 'claimcheck.clear',
  addReference: 'claimcheck.addReference',
  setApiKey: 'claimcheck.setApiKey',
  showOutput: 'claimcheck.showOutput',
  measureGrader: 'claimcheck.measureGrader',
  showCoverage: 'claimcheck.showCoverage',
  /** Used by quick fixes and hovers; hidden from the command palette. */
  openEvidence: 'claimcheck.openEvidence',
  acceptClaim: 'claimcheck.acceptClaim',
} as const;

export type CommandName = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandName];
