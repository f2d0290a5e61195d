/** A batch's scoring rubric: its own module so that batch and review rules need not import each other. */
export interface RubricCriterion {
  key: string;
  label: string;
  /** Share of the total, a whole number; the weights of a rubric add up to 100. */
  weight: number;
  /** Highest score a reviewer may give on this criterion. */
  max: number;
}
export type Rubric = readonly RubricCriterion[];
