/** The file written beside every bundle naming the third-party packages in it and their licences. */
export const NOTICES_FILE = 'THIRD_PARTY_NOTICES.txt';
