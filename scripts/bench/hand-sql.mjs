// Hand-written SQL over the same SQLite file (better-sqlite3 directly): the same data each
// procedure reads, fetched with joins and aggregates in one or a few statements. The queries
// use the store's expression indexes (json_extract(doc, '$.field')) so they compare fairly.
import Database from 'better-sqlite3';
import { aggregateSql, pageClause, tableName, whereClause } from '../../cloudfunctions/core/adapters/sqlite/query.ts';
import { planAggregate } from '../../cloudfunctions/core/adapters/aggregate-plan.ts';

const j = (alias, field) => `json_extract(${alias}.doc, '$.${field}')`;

export function openHandSql(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const q = (sql) => db.prepare(sql);
  const projectView = {
    project: q(`SELECT p.id, p.version, json(p.doc) AS doc, json(b.doc) AS batch, ${j('c', 'name')} AS committeeName FROM c_projects p
      JOIN c_batches b ON b.id = ${j('p', 'batchId')} LEFT JOIN c_committees c ON c.id = ${j('p', 'committeeId')} WHERE p.id = ?`),
    brands: q(`SELECT id, ${j('b', 'report.name')} AS name, ${j('b', 'year')} AS year FROM c_brands b WHERE ${j('b', 'committeeId')} = ? ORDER BY ${j('b', 'year')} DESC LIMIT 20`),
    timeline: q(`SELECT json(a.doc) AS doc, ${j('u', 'profile.name')} AS actorName FROM c_audit a LEFT JOIN c_users u ON u.id = ${j('a', 'actorId')}
      WHERE ${j('a', 'entityId')} = ? ORDER BY ${j('a', 'at')}, ${j('a', 'seq')} LIMIT 100`),
  };
  const readProject = (id) => {
    const p = projectView.project.get(id);
    const doc = JSON.parse(p.doc);
    return { p, doc, brands: projectView.brands.all(doc.committeeId), timeline: projectView.timeline.all(id) };
  };
  const summaries = (where, order) =>
    q(`SELECT p.id, p.version, json(p.doc) AS doc, ${j('b', 'name')} AS batchName, ${j('b', 'calendar.submissionDeadline')} AS deadline, ${j('c', 'name')} AS committeeName
      FROM c_projects p JOIN c_batches b ON b.id = ${j('p', 'batchId')} LEFT JOIN c_committees c ON c.id = ${j('p', 'committeeId')}
      WHERE ${where} ORDER BY ${order} LIMIT 100`);
  const inbox = {
    pending: summaries(`${j('p', 'committeeId')} = ? AND ${j('p', 'state')} IN ('submitted')`, `${j('p', 'submittedAt')} ASC`),
    recommended: summaries(`${j('p', 'committeeId')} = ? AND ${j('p', 'state')} IN ('recommended')`, `${j('p', 'updatedAt')} DESC`),
    decided: summaries(`${j('p', 'committeeId')} = ? AND ${j('p', 'state')} IN ('returned', 'recommended', 'not_recommended')`, `${j('p', 'updatedAt')} DESC`),
    all: summaries(`${j('p', 'committeeId')} = ? AND ${j('p', 'state')} <> 'draft'`, `${j('p', 'updatedAt')} DESC`),
  };
  const mine = summaries(`${j('p', 'hostId')} = ?`, `${j('p', 'updatedAt')} DESC`);
  const stmts = {
    me: q(`SELECT json(u.doc) AS doc, ${j('c', 'name')} AS committeeName, ${j('br', 'name')} AS branchName FROM c_users u
      LEFT JOIN c_committees c ON c.id = ${j('u', 'profile.committeeId')} LEFT JOIN c_branches br ON br.id = ${j('u', 'profile.branchId')} WHERE u.id = ?`),
    batches: q(`SELECT id, version, json(doc) AS doc FROM c_batches b ORDER BY ${j('b', 'calendar.submissionDeadline')} DESC LIMIT 100`),
    progressCounts: q(`SELECT ${j('p', 'state')} AS state, COUNT(*) AS n FROM c_projects p WHERE ${j('p', 'committeeId')} = ? AND ${j('p', 'batchId')} = ? GROUP BY 1`),
    progressOpen: q(`SELECT ${j('p', 'hostName')} AS hostName, ${j('p', 'updatedAt')} AS updatedAt, ${j('p', 'state')} AS state FROM c_projects p
      WHERE ${j('p', 'committeeId')} = ? AND ${j('p', 'batchId')} = ? AND ${j('p', 'state')} IN ('draft', 'returned') ORDER BY ${j('p', 'updatedAt')} DESC`),
    myAssignments: q(`SELECT a.id, json(p.doc) AS project, json(b.doc) AS batch, ${j('c', 'name')} AS committeeName, json(r.doc) AS review FROM c_reviewAssignments a
      JOIN c_projects p ON p.id = ${j('a', 'projectId')} JOIN c_batches b ON b.id = ${j('p', 'batchId')} LEFT JOIN c_committees c ON c.id = ${j('p', 'committeeId')}
      LEFT JOIN c_reviews r ON r.id = a.id WHERE ${j('a', 'reviewerId')} = ?`),
    roundProjects: q(`SELECT p.id, p.version, json(p.doc) AS doc, ${j('c', 'name')} AS committeeName, s.n, s.avg, s.min, s.max FROM c_projects p
      LEFT JOIN c_committees c ON c.id = ${j('p', 'committeeId')}
      LEFT JOIN (SELECT ${j('r', 'projectId')} AS pid, COUNT(*) AS n, AVG(${j('r', 'total')}) AS avg, MIN(${j('r', 'total')}) AS min, MAX(${j('r', 'total')}) AS max
                 FROM c_reviews r WHERE ${j('r', 'batchId')} = @b GROUP BY 1) s ON s.pid = p.id
      WHERE ${j('p', 'batchId')} = @b AND ${j('p', 'state')} IN ('recommended', 'under_review', 'in_publicity', 'approved', 'rejected')`),
    roundAssignments: q(`SELECT ${j('a', 'projectId')} AS projectId, ${j('a', 'reviewerId')} AS reviewerId, ${j('u', 'profile.name')} AS reviewerName, json(r.doc) AS review
      FROM c_reviewAssignments a LEFT JOIN c_users u ON u.id = ${j('a', 'reviewerId')} LEFT JOIN c_reviews r ON r.id = a.id WHERE ${j('a', 'batchId')} = ?`),
    roundReviewers: q(`SELECT u.id, ${j('u', 'profile.name')} AS name, ${j('c', 'name')} AS committeeName,
        (SELECT COUNT(*) FROM c_reviewAssignments a WHERE ${j('a', 'reviewerId')} = +u.id AND ${j('a', 'batchId')} = @b) AS assigned,
        (SELECT COUNT(*) FROM c_reviews r WHERE ${j('r', 'reviewerId')} = +u.id AND ${j('r', 'batchId')} = @b) AS scored
      FROM c_roleIndex x JOIN c_users u ON u.id = ${j('x', 'userId')} LEFT JOIN c_committees c ON c.id = ${j('u', 'profile.committeeId')} WHERE ${j('x', 'role')} = 'reviewer'`),
    placed: q(`SELECT COUNT(*) AS n FROM c_projects p WHERE ${j('p', 'batchId')} = ? AND ${j('p', 'state')} IN ('in_publicity', 'approved', 'cultivating', 'midterm_review', 'terminated', 'final_review', 'concluded', 'failed')`),
    fundingList: q(`SELECT p.id, ${j('p', 'fields.title')} AS title, ${j('c', 'name')} AS committeeName, ${j('p', 'hostName')} AS hostName, ${j('p', 'state')} AS state,
        ${j('p', 'grantFen')} AS grantFen,
        (SELECT COALESCE(SUM(${j('d', 'amountFen')}), 0) FROM c_disbursements d WHERE ${j('d', 'projectId')} = +p.id) AS paidFen,
        (SELECT COALESCE(SUM(${j('e', 'amountFen')}), 0) FROM c_expenses e WHERE ${j('e', 'projectId')} = +p.id) AS spentFen
      FROM c_projects p LEFT JOIN c_committees c ON c.id = ${j('p', 'committeeId')}
      WHERE ${j('p', 'batchId')} = ? AND ${j('p', 'state')} IN ('approved', 'cultivating', 'midterm_review', 'final_review', 'terminated', 'concluded', 'failed')
      ORDER BY ${j('p', 'updatedAt')} DESC`),
    fundingProject: q(`SELECT id, version, json(doc) AS doc FROM c_projects WHERE id = ?`),
    disbursements: q(`SELECT json(d.doc) AS doc, ${j('u', 'profile.name')} AS actorName FROM c_disbursements d LEFT JOIN c_users u ON u.id = ${j('d', 'actorId')} WHERE ${j('d', 'projectId')} = ?`),
    expenses: q(`SELECT json(e.doc) AS doc, ${j('u', 'profile.name')} AS authorName FROM c_expenses e LEFT JOIN c_users u ON u.id = ${j('e', 'authorId')} WHERE ${j('e', 'projectId')} = ? ORDER BY ${j('e', 'date')} DESC`),
    library: q(`SELECT b.id, json(b.doc) AS doc, ${j('c', 'name')} AS committeeName FROM c_brands b LEFT JOIN c_committees c ON c.id = ${j('b', 'committeeId')}
      WHERE ${j('b', 'state')} IN ('accepted', 'promoted') OR ${j('b', 'committeeId')} = ? ORDER BY ${j('b', 'updatedAt')} DESC LIMIT 21`),
    publicList: q(`SELECT b.id, ${j('b', 'report.name')} AS name, ${j('c', 'name')} AS committeeName, ${j('b', 'year')} AS year FROM c_brands b
      LEFT JOIN c_committees c ON c.id = ${j('b', 'committeeId')} WHERE ${j('b', 'state')} = 'promoted' ORDER BY ${j('b', 'updatedAt')} DESC LIMIT 100`),
    brand: q(`SELECT json(b.doc) AS doc, ${j('c', 'name')} AS committeeName FROM c_brands b LEFT JOIN c_committees c ON c.id = ${j('b', 'committeeId')} WHERE b.id = ?`),
    brandEvents: q(`SELECT json(doc) AS doc FROM c_brandEvents e WHERE ${j('e', 'brandId')} = ? ORDER BY ${j('e', 'date')} DESC LIMIT 50`),
    titles: q(`SELECT p.id, ${j('p', 'fields.title')} AS title FROM c_projects p, json_each(?) ids WHERE p.id = ids.value AND ${j('p', 'state')} NOT IN ('draft', 'submitted', 'returned')`),
    people: q(`SELECT json(u.doc) AS doc, ${j('c', 'name')} AS committeeName FROM c_users u LEFT JOIN c_committees c ON c.id = ${j('u', 'profile.committeeId')} WHERE ${j('u', 'profile.staffNo')} = ? LIMIT 10`),
    draftRow: q(`SELECT version, json(doc) AS doc FROM c_projects WHERE id = ?`),
    saveFields: q(`UPDATE c_projects SET version = version + 1, doc = jsonb_set(doc, '$.fields', json(?), '$.updatedAt', ?) WHERE id = ? AND version = ?`),
    move: q(`UPDATE c_projects SET version = version + 1, doc = jsonb_set(doc, '$.state', ?, '$.updatedAt', ?, '$.submittedAt', ?) WHERE id = ? AND version = ?`),
    auditLine: q(`INSERT INTO c_audit (id, version, doc) VALUES (?, 1, jsonb(?))`),
  };
  const tx = (fn) => db.transaction(fn).immediate();

  /** One function per procedure: same inputs as the router call, returns the rows. */
  const hand = {
    'session.me': ({ userId }) => stmts.me.get(userId),
    'batch.list': () => stmts.batches.all(),
    'project.listMine': ({ userId }) => mine.all(userId),
    'project.get': ({ projectId }) => readProject(projectId),
    'project.saveDraft': ({ projectId, fields, at }) => {
      tx(() => {
        const row = stmts.draftRow.get(projectId);
        if (stmts.saveFields.run(JSON.stringify(fields), at, projectId, row.version).changes !== 1) throw new Error('conflict');
      });
      return readProject(projectId);
    },
    'project.submit': ({ projectId, userId, at, n }) => {
      tx(() => {
        const row = stmts.draftRow.get(projectId);
        if (stmts.move.run('submitted', at, at, projectId, row.version).changes !== 1) throw new Error('conflict');
        stmts.auditLine.run(`hand-${projectId}-${n}`, JSON.stringify({ entityType: 'project', entityId: projectId, action: 'submit', actorId: userId, at, from: 'draft', to: 'submitted', reason: null, requestId: null, seq: n }));
      });
      return readProject(projectId);
    },
    'committee.inbox': ({ committeeId, view }) => inbox[view].all(committeeId),
    'committee.progress': ({ committeeId, batchId }) => ({ counts: stmts.progressCounts.all(committeeId, batchId), open: stmts.progressOpen.all(committeeId, batchId) }),
    'review.myAssignments': ({ userId }) => stmts.myAssignments.all(userId),
    'review.roundStatus': ({ batchId }) => ({
      projects: stmts.roundProjects.all({ b: batchId }),
      assignments: stmts.roundAssignments.all(batchId),
      reviewers: stmts.roundReviewers.all({ b: batchId }),
      placed: stmts.placed.get(batchId),
    }),
    'funding.list': ({ batchId }) => stmts.fundingList.all(batchId),
    'funding.status': ({ projectId }) => ({ p: stmts.fundingProject.get(projectId), d: stmts.disbursements.all(projectId), e: stmts.expenses.all(projectId) }),
    'brand.library': ({ committeeId }) => stmts.library.all(committeeId),
    'brand.publicList': () => stmts.publicList.all(),
    'brand.public': ({ brandId }) => {
      const b = stmts.brand.get(brandId);
      const doc = JSON.parse(b.doc);
      const ids = doc.report.carriers.map((c) => c.projectId).filter(Boolean);
      return { b, events: stmts.brandEvents.all(brandId), titles: stmts.titles.all(JSON.stringify(ids)) };
    },
    'people.find': ({ staffNo }) => stmts.people.all(staffNo),
  };
  /**
   * How SQLite runs a store query (the adapter's own SQL for it): the tables it scans without an
   * index — a missing index — and whether it sorts in a temporary b-tree.
   */
  const plans = new Map();
  const statementOf = ({ op, collection, options, spec }) => {
    const where = whereClause(collection, options.where);
    if (op === 'aggregate') return aggregateSql(collection, planAggregate(collection, spec), spec.where);
    if (op === 'count') return { sql: `SELECT COUNT(*) FROM ${tableName(collection)} ${where.sql}`, params: where.params };
    const page = pageClause(collection, options);
    return { sql: `SELECT id, version, json(doc) AS doc FROM ${tableName(collection)} ${where.sql} ${page.sql}`, params: [...where.params, ...page.params] };
  };
  // An aggregate over a whole collection reads every row by design (on the server, in one round
  // trip); it counts as unindexed only when it has a where that no index answers.
  const planOf = (query) => {
    const { op, collection, spec } = query;
    const { sql, params } = statementOf(query);
    let plan = plans.get(sql);
    if (!plan) {
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((r) => r.detail);
      const wholeCollection = op === 'aggregate' && Object.keys(spec.where ?? {}).length === 0;
      plan = { scan: !wholeCollection && rows.some((d) => /^SCAN /.test(d) && !/USING (COVERING )?INDEX/.test(d)), tempSort: rows.some((d) => /TEMP B-TREE/.test(d)), detail: rows };
      plans.set(sql, plan);
    }
    return { collection, ...plan };
  };
  return { db, hand, planOf, close: () => db.close() };
}
