# Stand-in for the official node:24-slim: the Debian base made by debootstrap, plus the Node 24 binary
# and npm that .ci/run itself runs on (both from the npm registry), laid out as the official image does.
# It also trusts the host's CA bundle: this machine reaches the npm registry through a TLS-inspecting
# proxy, so `npm ci` inside the build stage needs the same roots as npm on the host.
FROM linkgraph-ci/debian:bookworm
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
CMD ["node"]
