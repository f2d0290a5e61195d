import type { influenceContracts } from '@shared/contracts/influence';
import type { AreaTable } from '../../router/procedure';
import { brandInfluence, projectInfluence } from './figures';
import { likeState, toggleLike } from './likes';
import { recordShare } from './share';
import { brandWall } from './wall';

export const influenceProcedures: AreaTable<typeof influenceContracts> = {
  'influence.share': { access: 'public', handler: recordShare },
  'influence.like': { access: 'public', handler: toggleLike },
  'influence.likes': { access: 'public', handler: likeState },
  'brand.influence': { access: ['secretary', 'admin'], handler: brandInfluence },
  'project.influence': { access: 'bound', handler: projectInfluence },
  'brand.wall': { access: 'public', handler: brandWall },
};
