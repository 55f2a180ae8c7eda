# The editors' preview server (README, "Preview drafts in the studio"): the site's
# pages rendered on request for the studio's Presentation tool. Any host that runs
# containers can run it; the environment comes at run time:
#
#   docker build --build-arg SITE_URL=https://smartcities.example -t smart-cities-preview .
#   docker run -p 4322:4322 -e SANITY_PROJECT_ID=… -e SANITY_DATASET=production \
#     -e SANITY_API_READ_TOKEN=… -e SANITY_STUDIO_URL=https://….sanity.studio smart-cities-preview
FROM node:24-bookworm-slim

WORKDIR /app
ENV ASTRO_TELEMETRY_DISABLED=1 SANITY_TELEMETRY_DISABLED=1

COPY . .
# The site and what it needs (the shared package), as the lockfile pins them.
RUN npx --yes pnpm@10.34.9 install --frozen-lockfile --filter @smart-cities/site... \
  && chown -R node:node /app

# The public site's address, for the canonical links and feeds the pages carry
# (as on the static site); without it, the site URL of the bundled settings.
ARG SITE_URL
USER node
RUN npx --yes pnpm@10.34.9 preview:build

# Listen on every interface inside the container; PORT is the one to publish.
ENV HOST=0.0.0.0 PORT=4322
EXPOSE 4322
CMD ["node", "site/scripts/preview-server.ts"]
