/** The reference kinds a prompt placeholder can name (contract §2), in list order. */
export const TOKEN_KINDS = ["image", "element", "video"] as const;

/** `<<<image_1>>>`: the kind, then N counting from 1 and written without leading zeros. */
export const TOKEN_PATTERN_SOURCE = `<<<(${TOKEN_KINDS.join("|")})_([1-9]\\d*)>>>`;

/**
 * Anything written like a placeholder, valid or not: `<<<word_digits>>>`. The lazy kind
 * takes the shortest word, so `<<<image_1_2>>>` reads as kind `image_1`, number 2.
 */
export const TOKEN_LIKE_PATTERN_SOURCE = "<<<(\\w+?)_(\\d+)>>>";
