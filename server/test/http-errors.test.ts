import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';

const json = { 'content-type': 'application/json' };

/** Requests a careless or hostile client sends; each must get a clear 4xx problem, never a 5xx. */
const malformed: { name: string; req: InjectOptions; status: number; code?: string; field?: string }[] = [
  {
    name: 'unknown API route',
    req: { method: 'GET', url: '/api/nothing-here' },
    status: 404,
    code: 'HTTP.NOT_FOUND',
  },
  {
    name: 'unknown page asked for as JSON only',
    req: { method: 'GET', url: '/khong-co', headers: { accept: 'application/json' } },
    status: 404,
  },
  { name: 'wrong method', req: { method: 'DELETE', url: '/api/admin-units' }, status: 404 },
  {
    name: 'malformed JSON',
    req: { method: 'POST', url: '/api/admin-units/resolve', headers: json, payload: '{"codes": [' },
    status: 400,
    code: 'HTTP.MALFORMED_JSON',
  },
  {
    name: 'JSON that is not an object',
    req: { method: 'POST', url: '/api/admin-units/resolve', headers: json, payload: '"08"' },
    status: 400,
    code: 'HTTP.VALIDATION',
  },
  {
    name: 'empty JSON body',
    req: { method: 'POST', url: '/api/admin-units/resolve', headers: json, payload: '' },
    status: 400,
  },
  {
    name: 'text/plain body',
    req: {
      method: 'POST',
      url: '/api/admin-units/resolve',
      headers: { 'content-type': 'text/plain' },
      payload: 'codes=08',
    },
    status: 415,
    code: 'HTTP.UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'form-encoded body',
    req: {
      method: 'POST',
      url: '/api/admin-units/resolve',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'codes=08',
    },
    status: 415,
  },
  {
    name: 'XML body',
    req: {
      method: 'POST',
      url: '/api/admin-units/resolve',
      headers: { 'content-type': 'application/xml' },
      payload: '<codes/>',
    },
    status: 415,
  },
  {
    name: 'body over the limit',
    req: {
      method: 'POST',
      url: '/api/admin-units/resolve',
      headers: json,
      payload: JSON.stringify({ codes: ['0'.repeat(2_000_000)] }),
    },
    status: 413,
    code: 'HTTP.PAYLOAD_TOO_LARGE',
  },
  {
    name: 'missing required field',
    req: { method: 'POST', url: '/api/admin-units/resolve', headers: json, payload: '{}' },
    status: 400,
    field: 'body.codes',
  },
  {
    name: 'field of the wrong type',
    req: { method: 'POST', url: '/api/admin-units/resolve', headers: json, payload: '{"codes":"08"}' },
    status: 400,
    field: 'body.codes',
  },
  {
    name: 'array item of the wrong form',
    req: { method: 'POST', url: '/api/admin-units/resolve', headers: json, payload: '{"codes":["8a"]}' },
    status: 400,
    field: 'body.codes.0',
  },
  {
    name: 'empty array',
    req: { method: 'POST', url: '/api/admin-units/resolve', headers: json, payload: '{"codes":[]}' },
    status: 400,
    field: 'body.codes',
  },
  {
    name: 'unknown body field',
    req: {
      method: 'POST',
      url: '/api/admin-units/resolve',
      headers: json,
      payload: '{"codes":["08"],"x":1}',
    },
    status: 400,
  },
  {
    name: 'prototype pollution attempt',
    req: {
      method: 'POST',
      url: '/api/admin-units/resolve',
      headers: json,
      payload: '{"codes":["08"],"__proto__":{"admin":true}}',
    },
    status: 400,
  },
  {
    name: 'invalid enum in query',
    req: { method: 'GET', url: '/api/admin-units?level=huyen' },
    status: 400,
    field: 'query.level',
  },
  {
    name: 'non-numeric limit',
    req: { method: 'GET', url: '/api/admin-units?limit=abc' },
    status: 400,
    field: 'query.limit',
  },
  {
    name: 'negative offset',
    req: { method: 'GET', url: '/api/admin-units?offset=-1' },
    status: 400,
    field: 'query.offset',
  },
  {
    name: 'limit too large',
    req: { method: 'GET', url: '/api/admin-units?limit=999999' },
    status: 400,
    field: 'query.limit',
  },
  {
    name: 'impossible date',
    req: { method: 'GET', url: '/api/admin-units?at=2025-02-30' },
    status: 400,
    field: 'query.at',
  },
  {
    name: 'bad province code',
    req: { method: 'GET', url: '/api/admin-units?province=Tuyen%20Quang' },
    status: 400,
    field: 'query.province',
  },
  {
    name: 'unknown query parameter',
    req: { method: 'GET', url: '/api/admin-units?levle=province' },
    status: 400,
  },
  {
    name: 'very long q',
    req: { method: 'GET', url: `/api/admin-units?q=${'a'.repeat(500)}` },
    status: 400,
    field: 'query.q',
  },
  {
    name: 'bad path parameter',
    req: { method: 'GET', url: '/api/admin-units/abc' },
    status: 400,
    field: 'params.code',
  },
  { name: 'SQL in path', req: { method: 'GET', url: "/api/admin-units/08'%20OR%201=1--" }, status: 400 },
  // The query parser keeps a broken escape as literal text: a search that finds nothing.
  {
    name: 'broken percent-encoding',
    req: { method: 'GET', url: '/api/admin-units?q=%E0%A4%A' },
    status: 200,
  },
  {
    name: 'broken percent-encoding in path',
    req: { method: 'GET', url: '/api/admin-units/%E0%A4%A' },
    status: 400,
  },
  { name: 'null byte in query', req: { method: 'GET', url: '/api/admin-units?q=t%00n' }, status: 400 },
  {
    name: 'null byte in JSON',
    req: {
      method: 'POST',
      url: '/api/admin-units/resolve',
      headers: json,
      payload: '{"codes":["08\\u0000"]}',
    },
    status: 400,
    field: 'body.codes.0',
  },
  {
    // Valid JSON, not Unicode: jsonb refuses it, so it is refused before any route stores it.
    name: 'lone surrogate in JSON',
    req: {
      method: 'POST',
      url: '/api/admin-units/resolve',
      headers: json,
      payload: '{"codes":["08\\ud800"]}',
    },
    status: 400,
    code: 'HTTP.VALIDATION',
    field: 'body.codes.0',
  },
  {
    name: 'null byte in a JSON key',
    req: {
      method: 'POST',
      url: '/api/admin-units/resolve',
      headers: json,
      payload: '{"codes":["08"],"a\\u0000":1}',
    },
    status: 400,
    field: 'body',
  },
  {
    name: 'agency kind not in the list',
    req: { method: 'GET', url: '/api/agencies?kind=ministry' },
    status: 400,
    field: 'query.kind',
  },
  {
    name: 'POST to a read-only route',
    req: { method: 'POST', url: '/api/site', headers: json, payload: '{}' },
    status: 404,
  },
];

describeEachEngine('malformed requests', { seed: false }, (ctx) => {
  const h = useApp(ctx);

  it(`answers ${malformed.length} kinds of malformed request with a 4xx problem, never a 5xx`, async () => {
    expect(malformed.length).toBeGreaterThanOrEqual(20);
    for (const m of malformed) {
      const res = await h.app.inject(m.req);
      expect(res.statusCode, `${m.name}: ${res.body.slice(0, 300)}`).toBe(m.status);
      if (m.status >= 400) {
        expect(res.headers['content-type'], m.name).toContain('application/problem+json');
        const body = res.json();
        expect(body.status, m.name).toBe(m.status);
        expect(body.title, m.name).toMatch(/\p{L}/u);
        expect(body.en.title, m.name).toMatch(/[A-Za-z]/);
        if (m.code) expect(body.code, m.name).toBe(m.code);
        if (m.field)
          expect(
            body.errors.map((e: { field: string }) => e.field),
            m.name,
          ).toContain(m.field);
      }
    }
  });

  it('explains a bad field in Vietnamese and English', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/admin-units?level=huyen' });
    const body = res.json();
    expect(body.code).toBe('HTTP.VALIDATION');
    expect(body.title).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect(body.errors[0]).toMatchObject({
      field: 'query.level',
      vi: expect.stringContaining('chỉ chấp nhận'),
      en: expect.stringContaining('province'),
    });
    expect(body.requestId).toBe(res.headers['x-request-id']);
  });
});
