import { describe, expect, it } from 'vitest';
import { defaultLink, EVENT_KINDS, EVENT_LABELS, recipientsOf, resultPhrase, type EventKind, type Parties } from './events';

// Every party present, each a different person, so each kind's recipients show exactly whom it reaches.
const ALL: Parties = { hostId: 'host', memberIds: ['m1', 'm2'], secretaryIds: ['sec'], adminIds: ['adm'], subjectId: 'subj', listedIds: ['l1', 'l2'] };
const TEAM = ['host', 'm1', 'm2'];
const TEAM_AND_SEC = [...TEAM, 'sec'];

const EXPECTED: Record<EventKind, string[]> = {
  // Hosts and their team: returned, recommended or not, 公示, 立项, each tranche, midterm, 结项, a member joined.
  'project.return': TEAM,
  'project.recommend': TEAM,
  'project.notRecommend': TEAM,
  'funding.matching': TEAM,
  'funding.guidance': TEAM,
  'team.join': TEAM,
  // …and the 组织部's decisions on a committee's projects reach its secretaries too.
  'project.openReview': TEAM_AND_SEC,
  'project.publicize': TEAM_AND_SEC,
  'project.reject': TEAM_AND_SEC,
  'project.approve': TEAM_AND_SEC,
  'project.startCultivation': TEAM_AND_SEC,
  'funding.disbursed': TEAM_AND_SEC,
  'project.passMidterm': TEAM_AND_SEC,
  'project.failMidterm': TEAM_AND_SEC,
  'project.conclude': TEAM_AND_SEC,
  'project.failFinal': TEAM_AND_SEC,
  // The committee's secretaries: an application submitted or withdrawn; brands accepted, returned, promoted.
  'project.submit': ['sec'],
  'project.withdraw': ['sec'],
  'brand.accept': ['sec'],
  'brand.return': ['sec'],
  'brand.promote': ['sec'],
  // Materials handed on: the midterm to the committee and the 组织部, the 结项 to the team and the 组织部.
  'project.submitMidterm': ['sec', 'adm'],
  'project.submitFinal': [...TEAM, 'adm'],
  // The 组织部: an objection during the 公示, an expense over what was paid.
  'review.objection': ['adm'],
  'funding.expenseOverride': ['adm'],
  // One person: a reviewer assigned or not, a profile confirmed or returned, a role, a reminder.
  'review.assigned': ['subj'],
  'review.unassigned': ['subj'],
  'review.objectionFinding': ['subj'],
  'profile.confirmed': ['subj'],
  'profile.returned': ['subj'],
  'role.granted': ['subj'],
  'role.revoked': ['subj'],
  reminder: ['subj'],
  // Named by the caller: hosts whose deadline moved, people nudged.
  'batch.extend': ['l1', 'l2'],
  'batch.extension': ['l1', 'l2'],
  'batch.extensionWithdrawn': ['l1', 'l2'],
  'notice.issue': ['l1', 'l2'],
  nudge: ['l1', 'l2'],
};

describe('who hears of each event', () => {
  it.each(EVENT_KINDS.map((k) => [k]))('%s', (kind) => {
    expect(recipientsOf(kind, ALL, null).sort()).toEqual([...EXPECTED[kind]].sort());
  });

  it('never tells the person who caused it, and tells each person once', () => {
    expect(recipientsOf('project.return', { hostId: 'host', memberIds: ['host', 'm1'] }, 'm1')).toEqual(['host']);
    expect(recipientsOf('team.join', { hostId: 'host', memberIds: ['m1', 'new'] }, 'new')).toEqual(['host', 'm1']);
    expect(recipientsOf('project.submit', { hostId: 'host', secretaryIds: ['sec'] }, 'host')).toEqual(['sec']);
  });

  it('reaches nobody when a party is missing (no secretary yet), without failing', () => {
    expect(recipientsOf('project.submit', { hostId: 'host' }, 'host')).toEqual([]);
  });
});

describe('what a message says and opens', () => {
  it('names every kind, with a 审核结果 of at most five Chinese characters', () => {
    for (const k of EVENT_KINDS) {
      expect(EVENT_LABELS[k]).not.toBe('');
      expect(Array.from(resultPhrase(k)).length).toBeLessThanOrEqual(5);
      expect(resultPhrase(k)).toMatch(/^\p{Script=Han}+$/u);
    }
  });

  it('opens the project for project events, the review list for reviewers, the profile for a returned one', () => {
    expect(defaultLink('project.return', 'p1')).toBe('/packages/project/edit/index?id=p1');
    expect(defaultLink('funding.disbursed', 'p1')).toBe('/packages/project/edit/index?id=p1');
    expect(defaultLink('review.assigned', 'b1')).toBe('/packages/review/mine/index');
    expect(defaultLink('profile.returned', 'u1')).toBe('/packages/me/bind/index');
  });
});
