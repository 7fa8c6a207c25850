import type { APIRoute } from 'astro';
import { downloads } from '../../lib/downloads';

export const GET: APIRoute = () =>
  new Response(downloads().csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
