import type { reviewContracts } from '@shared/contracts/review';
import type { roundContracts } from '@shared/contracts/round';
import type { AreaTable } from '../../router/procedure';
import { assignReviewers } from './assign';
import { autoAssign } from './auto-assign';
import { finalize } from './finalize';
import { myAssignments } from './my-assignments';
import { findObjection, listObjections } from './objections';
import { openRound } from './open';
import { publicityList, raiseObjection } from './publicity';
import { publicize } from './publicize';
import { setRubric } from './rubric';
import { scoreApplication } from './score';
import { roundStatus } from './status';
import { roundApplication } from './round-application';
import { roundList } from './round-list';
import { roundReviewers } from './round-reviewers';

/** 立项评审 → 公示 → 立项. Every admin step is the 组织部's; reviewers see only their assignments. */
export const reviewProcedures: AreaTable<typeof reviewContracts> = {
  'review.roundStatus': { access: ['admin'], handler: roundStatus },
  'review.setRubric': { access: ['admin'], handler: setRubric },
  'review.open': { access: ['admin'], handler: openRound },
  'review.assign': { access: ['admin'], handler: assignReviewers },
  'review.autoAssign': { access: ['admin'], handler: autoAssign },
  'review.myAssignments': { access: ['reviewer'], handler: myAssignments },
  'review.score': { access: ['reviewer'], handler: scoreApplication },
  'review.publicize': { access: ['admin'], handler: publicize },
  'review.publicityList': { access: 'public', handler: publicityList },
  'review.object': { access: 'bound', handler: raiseObjection },
  'review.objections': { access: ['admin'], handler: listObjections },
  'review.findObjection': { access: ['admin'], handler: findObjection },
  'review.finalize': { access: ['admin'], handler: finalize },
};

/** The round at a desk: its list paged on the server, one application's detail, the reviewer pool. */
export const roundProcedures: AreaTable<typeof roundContracts> = {
  'review.roundList': { access: ['admin'], handler: roundList },
  'review.roundApplication': { access: ['admin'], handler: roundApplication },
  'review.roundReviewers': { access: ['admin'], handler: roundReviewers },
};
