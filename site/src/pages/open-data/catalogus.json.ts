import type { APIRoute } from 'astro';
import { downloads } from '../../lib/downloads';

export const GET: APIRoute = () =>
  new Response(downloads().json, { headers: { 'content-type': 'application/json; charset=utf-8' } });
