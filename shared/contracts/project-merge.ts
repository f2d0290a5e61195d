import type { ProjectView, SubmittedView } from './project';

// Types only: the page imports this without the contracts' schemas.

/**
 * The page's view after a submit: the answer over the view it was made from, the new line at the
 * end of the timeline, and of the brands only the one linked (a host no longer chooses).
 */
export function mergeSubmitted(view: ProjectView, answer: SubmittedView): ProjectView {
  const { entry, ...changed } = answer;
  return {
    ...view,
    ...changed,
    timeline: [...view.timeline, entry],
    brandOptions: view.brandOptions.filter((b) => b._id === view.fields.brandId),
  };
}
