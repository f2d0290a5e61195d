import type { fundingContracts } from '@shared/contracts/funding';
import { fundingList } from './list';
import type { AreaTable } from '../../router/procedure';
import { disburse } from './disburse';
import { addExpense } from './expense';
import { decideFinal, recordDefense, saveFinal, submitFinal } from './final';
import { addGuidance, listGuidance } from './guidance';
import { setMatching } from './matching';
import { decideMidterm, submitMidterm } from './midterm';
import { fundingStatus, projectReports } from './status';

/**
 * Who may call what; the handlers add scope (the host of this project, the secretaries of its
 * committee). Readers: the host, the committee, the 组织部.
 */
export const fundingProcedures: AreaTable<typeof fundingContracts> = {
  'funding.list': { access: ['admin'], handler: fundingList },
  'funding.status': { access: ['member', 'secretary', 'admin'], handler: fundingStatus },
  'funding.disburse': { access: ['admin'], handler: disburse },
  'funding.setMatching': { access: ['secretary', 'admin'], handler: setMatching },
  'funding.addExpense': { access: ['member'], handler: addExpense },
  'guidance.add': { access: ['secretary'], handler: addGuidance },
  'guidance.list': { access: ['member', 'secretary', 'admin'], handler: listGuidance },
  'midterm.submit': { access: ['member'], handler: submitMidterm },
  'midterm.decide': { access: ['admin'], handler: decideMidterm },
  'final.save': { access: ['member'], handler: saveFinal },
  'final.submit': { access: ['secretary'], handler: submitFinal },
  'final.recordDefense': { access: ['admin'], handler: recordDefense },
  'final.decide': { access: ['admin'], handler: decideFinal },
  'project.reports': { access: ['member', 'secretary', 'admin'], handler: projectReports },
};
