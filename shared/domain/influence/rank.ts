/** How much a like weighs against a view in the 品牌墙's order. */
export const LIKE_WEIGHT = 10;

/** The one line the 品牌墙 shows under its title. */
export const RANK_FORMULA = `影响力 = 本年度浏览量 + 点赞数 × ${LIKE_WEIGHT}`;

export const influenceScore = (views: number, likes: number) => views + likes * LIKE_WEIGHT;
