# The per-change site updater in AWS (functions/catalogue/site-updater-lambda.ts; docs/decisions/0016, 0018):
# a Lambda container image for arm64 (Astro + its dependencies exceed the 250 MB zip limit; Pagefind's
# linux-arm64 binary comes with `npm ci` on this platform). Built by `cdk deploy` (the synth only
# fingerprints the sources: no docker needed for `npm run synth` or the infra tests).
FROM public.ecr.aws/lambda/nodejs:24
WORKDIR ${LAMBDA_TASK_ROOT}
COPY package.json package-lock.json tsconfig.json ./
# site/ is an npm workspace (its own package.json: the .astro type checker): npm ci needs its manifest.
COPY site/package.json ./site/package.json
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild esbuild
COPY shared ./shared
COPY functions ./functions
COPY site ./site
# The handler as one ESM file; Astro and Pagefind stay in node_modules (Astro builds the site's code at
# the first change after a cold start, from a copy of site/ and shared/ in /tmp: the image is read-only).
RUN npx esbuild functions/catalogue/site-updater-lambda.ts --bundle --platform=node --target=node24 --format=esm \
      --packages=external --outfile=dist/site-updater.mjs \
 && echo '{"type":"module"}' > dist/package.json
ENV ASTRO_TELEMETRY_DISABLED=1 NODE_ENV=production
CMD ["dist/site-updater.handler"]
