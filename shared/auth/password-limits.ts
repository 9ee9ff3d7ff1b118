/** The password rule's numbers, without the zxcvbn dictionaries (small enough for every page). */
export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 200
export const PASSWORD_MIN_SCORE = 3
