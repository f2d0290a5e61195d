import fc from 'fast-check';
import { contracts, type ProcedureName } from '@shared/contracts';
import { callEnvelope } from '../../../cloudfunctions/core/router/router';
import { hostileValue, PROTO_KEYS } from './hostile';
import { SEED } from './run';

const names = Object.keys(contracts) as ProcedureName[];

/** A procedure name that is not one: a near miss of a real one, an inherited property, a stranger. */
function unknownName(): fc.Arbitrary<string> {
  const nearMiss = fc.constantFrom(...names).chain((n) =>
    fc.constantFrom(n.toUpperCase(), ` ${n}`, `${n} `, `${n}\u0000`, `${n}\u200b`, n.replace('.', '。'), n.replace('.', '/'), `${n}.`, `.${n}`, n.split('.')[0], `${n}.constructor`),
  );
  const inherited = fc.constantFrom(...PROTO_KEYS, 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'toLocaleString');
  const stranger = fc.string({ minLength: 1, maxLength: 64 });
  const operators = fc.constantFrom('$where', '$gt', '{"$ne":null}', '../api/project.get', 'project.get?x=1', 'project.*', '*');
  return fc.oneof(nearMiss, inherited, stranger, operators).filter((n) => n.length >= 1 && n.length <= 64 && !Object.prototype.hasOwnProperty.call(contracts, n));
}

export interface EnvelopeCase {
  event: unknown;
  /** NOT_FOUND for an unknown name in a well-formed envelope, VALIDATION for a malformed envelope. */
  expected: 'NOT_FOUND' | 'VALIDATION';
}

/** Envelopes that must be refused before any procedure runs. */
export function envelopeCases(count: number): EnvelopeCase[] {
  const malformed = fc.oneof(
    // Not an object at all.
    hostileValue().filter((v) => !callEnvelope.safeParse(v).success),
    // A procedure that is not a string, empty or too long.
    fc.record({ procedure: fc.oneof(hostileValue(), fc.constant(''), fc.string({ minLength: 65, maxLength: 200 })), input: fc.constant({}) }),
    // A known procedure with a request id of the wrong type or length.
    fc.record({
      procedure: fc.constantFrom(...names),
      input: fc.constant({}),
      requestId: fc.oneof(hostileValue(), fc.string({ minLength: 65, maxLength: 300 })),
    }),
  ).filter((v) => !callEnvelope.safeParse(v).success);
  const unknown = fc.record({ procedure: unknownName(), input: fc.oneof(fc.constant({}), hostileValue()) });
  const arb = fc.oneof(
    { arbitrary: malformed.map((event): EnvelopeCase => ({ event, expected: 'VALIDATION' })), weight: 2 },
    { arbitrary: unknown.map((event): EnvelopeCase => ({ event, expected: 'NOT_FOUND' })), weight: 1 },
  );
  return fc.sample(arb, { seed: SEED, numRuns: count });
}
