import type { APIRoute } from 'astro';
import favicon from '../assets/favicon.svg?raw';

// A route, not a file of public/: a site that mounts the explorer under a prefix gets it there too.
export const GET: APIRoute = () => new Response(favicon, { headers: { 'Content-Type': 'image/svg+xml' } });
