// Generated from docs/openapi.json by `npm run openapi:print`; do not edit.
export interface paths {
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who is calling
         * @description The signed-in person (an API key's creator) and, with an API key, its scopes and workspace.
         *
         *     Requires: `signed in`.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List links
         * @description The selected workspace's links (X-Workspace-Id, default your personal one), newest first.
         *
         *     Requires: `links.read`.
         */
        get: operations["listLinks"];
        put?: never;
        /**
         * Create a link
         * @description Send an Idempotency-Key header to make retries safe.
         *
         *     Requires: `links.write`.
         */
        post: operations["createLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create up to 100 links
         * @description Each item is created on its own: the answer lists, in order, each link or the problem that refused it.
         *
         *     Requires: `links.write`.
         */
        post: operations["createLinks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find a link by slug
         * @description In any workspace you are a member of.
         *
         *     Requires: `links.read`.
         */
        get: operations["getLinkBySlug"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a link
         * @description Requires: `links.read`.
         */
        get: operations["getLink"];
        put?: never;
        post?: never;
        /**
         * Delete a link
         * @description Deletes the link and its clicks. Send If-Match to refuse deleting a version you have not seen (412).
         *
         *     Requires: `links.write`.
         */
        delete: operations["deleteLink"];
        options?: never;
        head?: never;
        /**
         * Update a link
         * @description Omitted fields stay as they are; null clears an optional one; `archived: true` archives. Send If-Match to refuse a stale write (412).
         *
         *     Requires: `links.write`.
         */
        patch: operations["updateLink"];
        trace?: never;
    };
    "/links/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive a link
         * @description It stops redirecting (410, or its fallback URL) and leaves the default list; PATCH `archived: false` restores it.
         *
         *     Requires: `links.write`.
         */
        post: operations["archiveLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tags in use
         * @description Tags of the selected workspace's live links, most used first (at most 1000). Filter links by tag with `GET /links?tag=`.
         *
         *     Requires: `links.read`.
         */
        get: operations["listTags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List custom domains
         * @description The selected workspace's custom domains, newest first (the default domain is not listed).
         *
         *     Requires: `links.read`.
         */
        get: operations["listDomains"];
        put?: never;
        /**
         * Add a custom domain
         * @description PENDING until its TXT record or HTTP token is seen; the server checks by itself, or call verify.
         *
         *     Requires: `domains.manage`.
         */
        post: operations["addDomain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a domain
         * @description Requires: `links.read`.
         */
        get: operations["getDomain"];
        put?: never;
        post?: never;
        /**
         * Remove a domain without links
         * @description Requires: `domains.manage`.
         */
        delete: operations["removeDomain"];
        options?: never;
        head?: never;
        /**
         * Update a domain's root redirect, not-found URL or default redirect type
         * @description Requires: `domains.manage`.
         */
        patch: operations["updateDomain"];
        trace?: never;
    };
    "/domains/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a domain's TXT record or HTTP token now
         * @description Requires: `domains.manage`.
         */
        post: operations["verifyDomain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{id}/clicks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A link's click total, optionally waiting for a newer one (long polling)
         * @description For clients that can use neither SSE nor WebSocket: with `after` and `waitSeconds`, the answer waits up to that long for a total above `after`, then returns the latest total (unchanged on timeout). Loop with the returned total as the next `after`.
         *
         *     Requires: `analytics.read`.
         */
        get: operations["getLinkClickCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{id}/clicks/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A link's click total as server-sent events
         * @description An `event: clicks` with `{ linkId, total }` now and each time the stored total grows (coalesced, about once a second at most); a comment every 15 s keeps proxies from closing it. Ends when your membership of the link's workspace changes, or with an `event: end` (`{ reason }`: TOKEN_EXPIRED, CREDENTIAL_REVOKED, …) when your credential ends.
         *
         *     Requires: `analytics.read`.
         */
        get: operations["streamLinkClickCounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{id}/analytics/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Clicks and unique visitors of a link over a range
         * @description Requires: `analytics.read`.
         */
        get: operations["getLinkClickStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{id}/analytics/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Clicks of a link per time bucket
         * @description Requires: `analytics.read`.
         */
        get: operations["getLinkClickSeries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{id}/analytics/breakdown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Top values of one dimension (referrer, country, device, browser, OS)
         * @description Requires: `analytics.read`.
         */
        get: operations["getLinkClickBreakdown"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/analytics/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The selected workspace's clicks and its most clicked links
         * @description Requires: `analytics.read`.
         */
        get: operations["getClickSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/analytics/summary/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The selected workspace's clicks per time bucket
         * @description Requires: `analytics.read`.
         */
        get: operations["getClickSummarySeries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/analytics/summary/breakdown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Top values of one dimension across the selected workspace's links
         * @description Requires: `analytics.read`.
         */
        get: operations["getClickSummaryBreakdown"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhooks
         * @description Requires: `webhooks.read`.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Register a webhook endpoint
         * @description Requires: `webhooks.manage`.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook
         * @description Requires: `webhooks.read`.
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook
         * @description Requires: `webhooks.manage`.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Update a webhook
         * @description Enabling it clears why it was disabled and lets its pending deliveries go out.
         *
         *     Requires: `webhooks.manage`.
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a new signing secret
         * @description The previous secret keeps signing (a second signature) for the grace period.
         *
         *     Requires: `webhooks.manage`.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a webhook.test event
         * @description Requires: `webhooks.manage`.
         */
        post: operations["sendTestWebhookEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A webhook's delivery log
         * @description Requires: `webhooks.read`.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again
         * @description Requires: `webhooks.manage`.
         */
        post: operations["redeliverWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspaces you belong to
         * @description An API key sees only its own workspace.
         *
         *     Requires: `signed in`.
         */
        get: operations["listWorkspaces"];
        put?: never;
        /**
         * Create a team workspace
         * @description Takes a person's session (API keys cannot).
         *
         *     Requires: `signed in`.
         */
        post: operations["createWorkspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a workspace
         * @description Requires: `workspace.read`.
         */
        get: operations["getWorkspace"];
        put?: never;
        post?: never;
        /**
         * Delete a team workspace and everything in it
         * @description Requires: `workspace.delete`.
         */
        delete: operations["deleteWorkspace"];
        options?: never;
        head?: never;
        /**
         * Rename a workspace
         * @description Requires: `workspace.update`.
         */
        patch: operations["updateWorkspace"];
        trace?: never;
    };
    "/workspaces/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A workspace's members and their roles
         * @description Requires: `workspace.read`.
         */
        get: operations["listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member
         * @description Requires: `members.manage`.
         */
        delete: operations["removeMember"];
        options?: never;
        head?: never;
        /**
         * Change a member's role
         * @description Requires: `members.manage`.
         */
        patch: operations["changeMemberRole"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        CreateLinkInput: {
            workspaceId?: string | null;
            domain?: string | null;
            url: string;
            slug?: string | null;
            title?: string | null;
            expiresAt?: string | null;
            maxClicks?: number | null;
            fallbackUrl?: string | null;
            password?: string | null;
            redirectType?: ("FOUND" | "MOVED_PERMANENTLY" | "TEMPORARY_REDIRECT" | "PERMANENT_REDIRECT") | null;
            tags?: string[] | null;
            rules?: {
                id?: string | null;
                name?: string | null;
                conditions?: {
                    devices?: ("DESKTOP" | "MOBILE" | "TABLET" | "CONSOLE" | "SMARTTV" | "WEARABLE" | "XR" | "EMBEDDED")[] | null;
                    os?: ("IOS" | "ANDROID" | "WINDOWS" | "MACOS" | "LINUX" | "CHROMEOS")[] | null;
                    browsers?: ("CHROME" | "SAFARI" | "FIREFOX" | "EDGE" | "OPERA" | "SAMSUNG_INTERNET")[] | null;
                    languages?: string[] | null;
                    countries?: string[] | null;
                    from?: string | null;
                    until?: string | null;
                    query?: {
                        name: string;
                        value?: string | null;
                    }[] | null;
                } | null;
                url?: string | null;
                variants?: {
                    id?: string | null;
                    url: string;
                    weight: number;
                }[] | null;
            }[] | null;
            deepLinks?: {
                ios?: string | null;
                android?: string | null;
            } | null;
            preview?: {
                title?: string | null;
                description?: string | null;
                imageUrl?: string | null;
            } | null;
        };
        UpdateLinkInput: {
            url?: string;
            domain?: string | null;
            slug?: string;
            title?: string | null;
            expiresAt?: string | null;
            maxClicks?: number | null;
            fallbackUrl?: string | null;
            password?: string | null;
            /** @enum {string} */
            redirectType?: "FOUND" | "MOVED_PERMANENTLY" | "TEMPORARY_REDIRECT" | "PERMANENT_REDIRECT";
            tags?: string[];
            archived?: boolean;
            rules?: {
                id?: string | null;
                name?: string | null;
                conditions?: {
                    devices?: ("DESKTOP" | "MOBILE" | "TABLET" | "CONSOLE" | "SMARTTV" | "WEARABLE" | "XR" | "EMBEDDED")[] | null;
                    os?: ("IOS" | "ANDROID" | "WINDOWS" | "MACOS" | "LINUX" | "CHROMEOS")[] | null;
                    browsers?: ("CHROME" | "SAFARI" | "FIREFOX" | "EDGE" | "OPERA" | "SAMSUNG_INTERNET")[] | null;
                    languages?: string[] | null;
                    countries?: string[] | null;
                    from?: string | null;
                    until?: string | null;
                    query?: {
                        name: string;
                        value?: string | null;
                    }[] | null;
                } | null;
                url?: string | null;
                variants?: {
                    id?: string | null;
                    url: string;
                    weight: number;
                }[] | null;
            }[] | null;
            deepLinks?: {
                ios?: string | null;
                android?: string | null;
            } | null;
            preview?: {
                title?: string | null;
                description?: string | null;
                imageUrl?: string | null;
            } | null;
        };
        AddDomainInput: {
            hostname: string;
            rootRedirectUrl?: string | null;
            notFoundUrl?: string | null;
            defaultRedirectType?: ("FOUND" | "MOVED_PERMANENTLY" | "TEMPORARY_REDIRECT" | "PERMANENT_REDIRECT") | null;
        };
        UpdateDomainInput: {
            rootRedirectUrl?: string | null;
            notFoundUrl?: string | null;
            /** @enum {string} */
            defaultRedirectType?: "FOUND" | "MOVED_PERMANENTLY" | "TEMPORARY_REDIRECT" | "PERMANENT_REDIRECT";
        };
        CreateWebhookInput: {
            url: string;
            events: ("LINK_CREATED" | "LINK_UPDATED" | "LINK_DELETED" | "LINK_CLICKS_MILESTONE" | "WORKSPACE_MEMBER_INVITED")[];
            description?: string | null;
        };
        UpdateWebhookInput: {
            url?: string;
            events?: ("LINK_CREATED" | "LINK_UPDATED" | "LINK_DELETED" | "LINK_CLICKS_MILESTONE" | "WORKSPACE_MEMBER_INVITED")[];
            description?: string | null;
            enabled?: boolean;
        };
        /**
         * @description RFC 9457 problem details: every error of the REST API.
         * @example {
         *       "type": "about:blank",
         *       "title": "Unprocessable Entity",
         *       "status": 422,
         *       "detail": "url: must be an http(s) URL",
         *       "code": "BAD_USER_INPUT",
         *       "field": "url"
         *     }
         */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description The same values as GraphQL's extensions.code: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT, RATE_LIMITED, … */
            code: string;
            /** @description The offending input (body field, query parameter or header) of a 422. */
            field?: string;
            retryAfter?: number;
            requestId?: string;
        } & {
            [key: string]: unknown;
        };
        Me: {
            id: string;
            email: string;
            /**
             * Format: date-time
             * @example 2026-12-01T09:30:00.000Z
             */
            createdAt: string;
            /** @description Set when the call is made with an API key. */
            apiKey: {
                id: string;
                scopes: ("LINKS_READ" | "LINKS_WRITE" | "ANALYTICS_READ" | "WEBHOOKS_MANAGE" | "ARBITRARY_OPERATIONS" | "DOMAINS_MANAGE")[];
                workspaceId: string;
            } | null;
        };
        LinkPage: {
            data: components["schemas"]["Link"][];
            /** @description Cursor of the next page (also in the Link header), null on the last page. */
            next: string | null;
        };
        Link: {
            id: string;
            slug: string;
            url: string;
            shortUrl: string;
            /** @description The hostname it is served on. */
            domain: string;
            title: string | null;
            tags: string[];
            /** @enum {string} */
            redirectType: "FOUND" | "MOVED_PERMANENTLY" | "TEMPORARY_REDIRECT" | "PERMANENT_REDIRECT";
            expiresAt: string | null;
            maxClicks: number | null;
            fallbackUrl: string | null;
            hasPassword: boolean;
            archivedAt: string | null;
            /** @enum {string} */
            status: "ACTIVE" | "ARCHIVED" | "EXPIRED" | "EXHAUSTED";
            clickCount: number;
            /** @description Evaluated in order on every redirect; the link's url is the fallback. */
            rules: components["schemas"]["RedirectRule"][];
            deepLinks: {
                ios: string | null;
                android: string | null;
            };
            preview: {
                title: string | null;
                description: string | null;
                imageUrl: string | null;
            };
            workspaceId: string;
            ownerId: string;
            /**
             * Format: date-time
             * @example 2026-12-01T09:30:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-12-01T09:30:00.000Z
             */
            updatedAt: string;
        };
        RedirectRule: {
            id: string;
            name?: string;
            conditions: {
                devices?: ("DESKTOP" | "MOBILE" | "TABLET" | "CONSOLE" | "SMARTTV" | "WEARABLE" | "XR" | "EMBEDDED")[];
                os?: ("IOS" | "ANDROID" | "WINDOWS" | "MACOS" | "LINUX" | "CHROMEOS")[];
                browsers?: ("CHROME" | "SAFARI" | "FIREFOX" | "EDGE" | "OPERA" | "SAMSUNG_INTERNET")[];
                languages?: string[];
                countries?: string[];
                /**
                 * Format: date-time
                 * @example 2026-12-01T09:30:00.000Z
                 */
                from?: string;
                /**
                 * Format: date-time
                 * @example 2026-12-01T09:30:00.000Z
                 */
                until?: string;
                query?: {
                    name: string;
                    value?: string;
                }[];
            };
            url?: string;
            variants?: {
                id: string;
                url: string;
                weight: number;
            }[];
        };
        BulkLinkResults: {
            results: {
                status: number;
                link?: components["schemas"]["Link"];
                problem?: {
                    [key: string]: unknown;
                };
            }[];
        };
        /**
         * @example {
         *       "data": [
         *         {
         *           "tag": "q4",
         *           "links": 12
         *         }
         *       ]
         *     }
         */
        TagList: {
            data: {
                tag: string;
                /** @description Live links carrying it. */
                links: number;
            }[];
        };
        DomainPage: {
            data: components["schemas"]["Domain"][];
            /** @description Cursor of the next page (also in the Link header), null on the last page. */
            next: string | null;
        };
        Domain: {
            id: string;
            hostname: string;
            /** @enum {string} */
            status: "PENDING" | "VERIFIED" | "FAILING";
            /** @description Publish a TXT record with this name and verificationToken as its value… */
            verificationRecordName: string;
            /** @description …or serve it as the body of verificationUrl. */
            verificationToken: string | null;
            verificationUrl: string;
            rootRedirectUrl: string | null;
            notFoundUrl: string | null;
            /** @enum {string} */
            defaultRedirectType: "FOUND" | "MOVED_PERMANENTLY" | "TEMPORARY_REDIRECT" | "PERMANENT_REDIRECT";
            verifiedAt: string | null;
            lastCheckedAt: string | null;
            nextCheckAt: string | null;
            failingSince: string | null;
            lastCheckError: string | null;
            workspaceId: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T09:30:00.000Z
             */
            createdAt: string;
        };
        LiveCount: {
            linkId: string;
            /** @description Clicks stored so far (bots excluded). */
            total: number;
        };
        ClickStats: {
            clicks: number;
            uniqueVisitors: number;
            botClicks: number;
        };
        ClickSeries: {
            buckets: {
                /**
                 * Format: date-time
                 * @example 2026-12-01T09:30:00.000Z
                 */
                start: string;
                /**
                 * Format: date-time
                 * @example 2026-12-01T09:30:00.000Z
                 */
                end: string;
                clicks: number;
            }[];
        };
        ClickBreakdown: {
            /** @enum {string} */
            by: "REFERRER" | "COUNTRY" | "DEVICE" | "BROWSER" | "OS" | "RULE" | "VARIANT" | "SOURCE";
            entries: {
                value: string | null;
                clicks: number;
                uniqueVisitors: number;
            }[];
        };
        ClickSummary: {
            /**
             * Format: date-time
             * @example 2026-12-01T09:30:00.000Z
             */
            from: string;
            /**
             * Format: date-time
             * @example 2026-12-01T09:30:00.000Z
             */
            to: string;
            clicks: number;
            uniqueVisitors: number;
            linksClicked: number;
            topLinks: {
                linkId: string;
                slug: string;
                clicks: number;
            }[];
        };
        WebhookPage: {
            data: components["schemas"]["Webhook"][];
            /** @description Cursor of the next page (also in the Link header), null on the last page. */
            next: string | null;
        };
        Webhook: {
            id: string;
            url: string;
            description: string | null;
            events: ("LINK_CREATED" | "LINK_UPDATED" | "LINK_DELETED" | "LINK_CLICKS_MILESTONE" | "WORKSPACE_MEMBER_INVITED")[];
            enabled: boolean;
            disabledReason: string | null;
            workspaceId: string;
            /**
             * Format: date-time
             * @example 2026-12-01T09:30:00.000Z
             */
            createdAt: string;
        };
        WebhookWithSecret: {
            webhook: components["schemas"]["Webhook"];
            /** @description whsec_…: shown here and on rotation only; verify signatures with it. */
            secret: string;
        };
        WebhookDelivery: {
            id: string;
            eventId: string;
            eventType: string;
            /** @enum {string} */
            status: "PENDING" | "DELIVERED" | "FAILED";
            attempts: number;
            responseStatus: number | null;
            lastError: string | null;
            nextAttemptAt: string | null;
            deliveredAt: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T09:30:00.000Z
             */
            createdAt: string;
        };
        WebhookDeliveryPage: {
            data: components["schemas"]["WebhookDelivery"][];
            /** @description Cursor of the next page (also in the Link header), null on the last page. */
            next: string | null;
        };
        WorkspacePage: {
            data: components["schemas"]["Workspace"][];
            /** @description Cursor of the next page (also in the Link header), null on the last page. */
            next: string | null;
        };
        Workspace: {
            id: string;
            name: string;
            personal: boolean;
            /**
             * @description Your role there.
             * @enum {string}
             */
            role: "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";
            /**
             * Format: date-time
             * @example 2026-12-01T09:30:00.000Z
             */
            createdAt: string;
        };
        MemberPage: {
            data: components["schemas"]["Member"][];
            /** @description Cursor of the next page (also in the Link header), null on the last page. */
            next: string | null;
        };
        Member: {
            userId: string;
            email: string;
            /** @enum {string} */
            role: "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";
            /**
             * Format: date-time
             * @example 2026-12-01T09:30:00.000Z
             */
            joinedAt: string;
        };
    };
    responses: {
        /** @description Malformed request (unparsable JSON, bad cursor). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No credential, or an invalid or expired one (`reason` says which). */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The credential may not do this (a missing API-key scope, a role that lacks the permission). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such object, or one you may not see. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Conflicts with the current state (slug taken, Idempotency-Key reused with another request). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description If-Match names a version that is no longer current. */
        PreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Invalid input: `field` names it. */
        InvalidInput: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Rate limited: retry after Retry-After seconds. */
        RateLimited: {
            headers: {
                "Retry-After"?: number;
                /** @description Points per window (the budget GraphQL shares). */
                "RateLimit-Limit"?: number;
                /** @description Points left in this window. */
                "RateLimit-Remaining"?: number;
                /** @description Seconds until the window resets. */
                "RateLimit-Reset"?: number;
                /** @description `<points>;w=<seconds>`. */
                "RateLimit-Policy"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getMe: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
        };
    };
    listLinks: {
        parameters: {
            query?: {
                /** @description Page size (default 20, at most 100). */
                first?: number;
                /** @description The `next` cursor of the previous page. */
                after?: string;
                /** @description Case-insensitive match on slug, URL or title. */
                search?: string;
                /** @description Links carrying any of these tags (repeat the parameter). */
                tag?: string | string[];
                /** @description true: only archived links; default: only live ones. */
                archived?: "true" | "false";
            };
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of links. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    /** @description The next page: `<…?after=…>; rel="next"`. */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "TGluazowMTkzYjJlMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDE",
                     *           "slug": "launch",
                     *           "url": "https://example.com/launch",
                     *           "shortUrl": "https://sho.rt/launch",
                     *           "domain": "sho.rt",
                     *           "title": "Launch",
                     *           "tags": [
                     *             "q4"
                     *           ],
                     *           "redirectType": "FOUND",
                     *           "expiresAt": null,
                     *           "maxClicks": null,
                     *           "fallbackUrl": null,
                     *           "hasPassword": false,
                     *           "archivedAt": null,
                     *           "status": "ACTIVE",
                     *           "clickCount": 42,
                     *           "rules": [
                     *             {
                     *               "id": "german",
                     *               "conditions": {
                     *                 "languages": [
                     *                   "de"
                     *                 ]
                     *               },
                     *               "url": "https://example.com/de/launch"
                     *             }
                     *           ],
                     *           "deepLinks": {
                     *             "ios": null,
                     *             "android": null
                     *           },
                     *           "preview": {
                     *             "title": null,
                     *             "description": null,
                     *             "imageUrl": null
                     *           },
                     *           "workspaceId": "V29ya3NwYWNlOjAxOTNiMmUwLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMg",
                     *           "ownerId": "VXNlcjowMTkzYjJlMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDM",
                     *           "createdAt": "2026-12-01T09:30:00.000Z",
                     *           "updatedAt": "2026-12-01T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "next": null
                     *     }
                     */
                    "application/json": components["schemas"]["LinkPage"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    createLink: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description Makes retries safe: the same key and body return the first result. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://example.com/launch",
                 *       "slug": "launch",
                 *       "tags": [
                 *         "q4"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateLinkInput"];
            };
        };
        responses: {
            /** @description The link, with its URL in Location. */
            201: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description The new object's URL. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "TGluazowMTkzYjJlMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDE",
                     *       "slug": "launch",
                     *       "url": "https://example.com/launch",
                     *       "shortUrl": "https://sho.rt/launch",
                     *       "domain": "sho.rt",
                     *       "title": "Launch",
                     *       "tags": [
                     *         "q4"
                     *       ],
                     *       "redirectType": "FOUND",
                     *       "expiresAt": null,
                     *       "maxClicks": null,
                     *       "fallbackUrl": null,
                     *       "hasPassword": false,
                     *       "archivedAt": null,
                     *       "status": "ACTIVE",
                     *       "clickCount": 42,
                     *       "rules": [
                     *         {
                     *           "id": "german",
                     *           "conditions": {
                     *             "languages": [
                     *               "de"
                     *             ]
                     *           },
                     *           "url": "https://example.com/de/launch"
                     *         }
                     *       ],
                     *       "deepLinks": {
                     *         "ios": null,
                     *         "android": null
                     *       },
                     *       "preview": {
                     *         "title": null,
                     *         "description": null,
                     *         "imageUrl": null
                     *       },
                     *       "workspaceId": "V29ya3NwYWNlOjAxOTNiMmUwLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMg",
                     *       "ownerId": "VXNlcjowMTkzYjJlMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDM",
                     *       "createdAt": "2026-12-01T09:30:00.000Z",
                     *       "updatedAt": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Link"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    createLinks: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "url": "https://example.com/a"
                 *       },
                 *       {
                 *         "url": "https://example.com/b",
                 *         "slug": "b"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["CreateLinkInput"][];
            };
        };
        responses: {
            /** @description Per-item results, in the order sent. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkLinkResults"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    getLinkBySlug: {
        parameters: {
            query: {
                /** @description The short link's slug (case-sensitive). */
                slug: string;
                /** @description The custom domain it lives on (default: the service's own). */
                domain?: string;
            };
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "TGluazowMTkzYjJlMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDE",
                     *       "slug": "launch",
                     *       "url": "https://example.com/launch",
                     *       "shortUrl": "https://sho.rt/launch",
                     *       "domain": "sho.rt",
                     *       "title": "Launch",
                     *       "tags": [
                     *         "q4"
                     *       ],
                     *       "redirectType": "FOUND",
                     *       "expiresAt": null,
                     *       "maxClicks": null,
                     *       "fallbackUrl": null,
                     *       "hasPassword": false,
                     *       "archivedAt": null,
                     *       "status": "ACTIVE",
                     *       "clickCount": 42,
                     *       "rules": [
                     *         {
                     *           "id": "german",
                     *           "conditions": {
                     *             "languages": [
                     *               "de"
                     *             ]
                     *           },
                     *           "url": "https://example.com/de/launch"
                     *         }
                     *       ],
                     *       "deepLinks": {
                     *         "ios": null,
                     *         "android": null
                     *       },
                     *       "preview": {
                     *         "title": null,
                     *         "description": null,
                     *         "imageUrl": null
                     *       },
                     *       "workspaceId": "V29ya3NwYWNlOjAxOTNiMmUwLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMg",
                     *       "ownerId": "VXNlcjowMTkzYjJlMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDM",
                     *       "createdAt": "2026-12-01T09:30:00.000Z",
                     *       "updatedAt": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Link"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    getLink: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The link's id (as in GraphQL). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link (ETag: send it back in If-None-Match or If-Match). */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "TGluazowMTkzYjJlMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDE",
                     *       "slug": "launch",
                     *       "url": "https://example.com/launch",
                     *       "shortUrl": "https://sho.rt/launch",
                     *       "domain": "sho.rt",
                     *       "title": "Launch",
                     *       "tags": [
                     *         "q4"
                     *       ],
                     *       "redirectType": "FOUND",
                     *       "expiresAt": null,
                     *       "maxClicks": null,
                     *       "fallbackUrl": null,
                     *       "hasPassword": false,
                     *       "archivedAt": null,
                     *       "status": "ACTIVE",
                     *       "clickCount": 42,
                     *       "rules": [
                     *         {
                     *           "id": "german",
                     *           "conditions": {
                     *             "languages": [
                     *               "de"
                     *             ]
                     *           },
                     *           "url": "https://example.com/de/launch"
                     *         }
                     *       ],
                     *       "deepLinks": {
                     *         "ios": null,
                     *         "android": null
                     *       },
                     *       "preview": {
                     *         "title": null,
                     *         "description": null,
                     *         "imageUrl": null
                     *       },
                     *       "workspaceId": "V29ya3NwYWNlOjAxOTNiMmUwLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMg",
                     *       "ownerId": "VXNlcjowMTkzYjJlMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDM",
                     *       "createdAt": "2026-12-01T09:30:00.000Z",
                     *       "updatedAt": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Link"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteLink: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you read: 412 if the object changed since. */
                "If-Match"?: string;
            };
            path: {
                /** @description The link's id (as in GraphQL). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateLink: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you read: 412 if the object changed since. */
                "If-Match"?: string;
            };
            path: {
                /** @description The link's id (as in GraphQL). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Launch (final)",
                 *       "archived": false
                 *     }
                 */
                "application/json": components["schemas"]["UpdateLinkInput"];
            };
        };
        responses: {
            /** @description The updated link. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "TGluazowMTkzYjJlMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDE",
                     *       "slug": "launch",
                     *       "url": "https://example.com/launch",
                     *       "shortUrl": "https://sho.rt/launch",
                     *       "domain": "sho.rt",
                     *       "title": "Launch",
                     *       "tags": [
                     *         "q4"
                     *       ],
                     *       "redirectType": "FOUND",
                     *       "expiresAt": null,
                     *       "maxClicks": null,
                     *       "fallbackUrl": null,
                     *       "hasPassword": false,
                     *       "archivedAt": null,
                     *       "status": "ACTIVE",
                     *       "clickCount": 42,
                     *       "rules": [
                     *         {
                     *           "id": "german",
                     *           "conditions": {
                     *             "languages": [
                     *               "de"
                     *             ]
                     *           },
                     *           "url": "https://example.com/de/launch"
                     *         }
                     *       ],
                     *       "deepLinks": {
                     *         "ios": null,
                     *         "android": null
                     *       },
                     *       "preview": {
                     *         "title": null,
                     *         "description": null,
                     *         "imageUrl": null
                     *       },
                     *       "workspaceId": "V29ya3NwYWNlOjAxOTNiMmUwLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMg",
                     *       "ownerId": "VXNlcjowMTkzYjJlMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDM",
                     *       "createdAt": "2026-12-01T09:30:00.000Z",
                     *       "updatedAt": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Link"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    archiveLink: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
            };
            path: {
                /** @description The link's id (as in GraphQL). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The archived link. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "TGluazowMTkzYjJlMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDE",
                     *       "slug": "launch",
                     *       "url": "https://example.com/launch",
                     *       "shortUrl": "https://sho.rt/launch",
                     *       "domain": "sho.rt",
                     *       "title": "Launch",
                     *       "tags": [
                     *         "q4"
                     *       ],
                     *       "redirectType": "FOUND",
                     *       "expiresAt": null,
                     *       "maxClicks": null,
                     *       "fallbackUrl": null,
                     *       "hasPassword": false,
                     *       "archivedAt": "2026-12-02T10:00:00.000Z",
                     *       "status": "ARCHIVED",
                     *       "clickCount": 42,
                     *       "rules": [
                     *         {
                     *           "id": "german",
                     *           "conditions": {
                     *             "languages": [
                     *               "de"
                     *             ]
                     *           },
                     *           "url": "https://example.com/de/launch"
                     *         }
                     *       ],
                     *       "deepLinks": {
                     *         "ios": null,
                     *         "android": null
                     *       },
                     *       "preview": {
                     *         "title": null,
                     *         "description": null,
                     *         "imageUrl": null
                     *       },
                     *       "workspaceId": "V29ya3NwYWNlOjAxOTNiMmUwLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMg",
                     *       "ownerId": "VXNlcjowMTkzYjJlMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDM",
                     *       "createdAt": "2026-12-01T09:30:00.000Z",
                     *       "updatedAt": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Link"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    listTags: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tags with their link counts. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagList"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
        };
    };
    listDomains: {
        parameters: {
            query?: {
                /** @description Page size (default 20, at most 100). */
                first?: number;
                /** @description The `next` cursor of the previous page. */
                after?: string;
            };
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of domains. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    /** @description The next page: `<…?after=…>; rel="next"`. */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DomainPage"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    addDomain: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "hostname": "go.example.com",
                 *       "rootRedirectUrl": "https://example.com"
                 *     }
                 */
                "application/json": components["schemas"]["AddDomainInput"];
            };
        };
        responses: {
            /** @description The domain, with what to publish to verify it. */
            201: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description The new object's URL. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Domain"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    getDomain: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The domain's id (as in GraphQL). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The domain. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Domain"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    removeDomain: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you read: 412 if the object changed since. */
                "If-Match"?: string;
            };
            path: {
                /** @description The domain's id (as in GraphQL). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateDomain: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you read: 412 if the object changed since. */
                "If-Match"?: string;
            };
            path: {
                /** @description The domain's id (as in GraphQL). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "notFoundUrl": "https://example.com/404"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateDomainInput"];
            };
        };
        responses: {
            /** @description The updated domain. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Domain"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    verifyDomain: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
            };
            path: {
                /** @description The domain's id (as in GraphQL). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The domain with its new status. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Domain"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    getLinkClickCount: {
        parameters: {
            query?: {
                /** @description The total you already have. */
                after?: number;
                /** @description How long to wait for a newer total (0–30). */
                waitSeconds?: number;
            };
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The link's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest total. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "linkId": "TGluazow…",
                     *       "total": 43
                     *     }
                     */
                    "application/json": components["schemas"]["LiveCount"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    streamLinkClickCounts: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
            };
            path: {
                /** @description The link's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    getLinkClickStats: {
        parameters: {
            query: {
                /** @description Start of the range (ISO 8601). */
                from: string;
                /** @description Exclusive end; default now. */
                to?: string;
            };
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The link's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Totals over [from, to). */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "clicks": 120,
                     *       "uniqueVisitors": 87,
                     *       "botClicks": 4
                     *     }
                     */
                    "application/json": components["schemas"]["ClickStats"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    getLinkClickSeries: {
        parameters: {
            query: {
                /** @description Start of the range (ISO 8601). */
                from: string;
                /** @description Exclusive end; default now. */
                to?: string;
                granularity?: "MINUTE" | "HOUR" | "DAY" | "WEEK" | "MONTH";
                /** @description IANA name, e.g. Europe/Paris. */
                timezone?: string;
            };
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The link's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Buckets over [from, to) in the time zone. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClickSeries"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    getLinkClickBreakdown: {
        parameters: {
            query: {
                /** @description Start of the range (ISO 8601). */
                from: string;
                /** @description Exclusive end; default now. */
                to?: string;
                by: "REFERRER" | "COUNTRY" | "DEVICE" | "BROWSER" | "OS" | "RULE" | "VARIANT" | "SOURCE";
                /** @description 1 to 100. */
                first?: number;
            };
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The link's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Entries, most clicked first. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClickBreakdown"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    getClickSummary: {
        parameters: {
            query: {
                /** @description Start of the range (ISO 8601). */
                from: string;
                /** @description Exclusive end; default now. */
                to?: string;
                /** @description How many top links, 1 to 50. */
                first?: number;
            };
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Totals over whole UTC hours covering [from, to). */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClickSummary"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    getClickSummarySeries: {
        parameters: {
            query: {
                /** @description Start of the range (ISO 8601). */
                from: string;
                /** @description Exclusive end; default now. */
                to?: string;
                granularity?: "MINUTE" | "HOUR" | "DAY" | "WEEK" | "MONTH";
                /** @description IANA name, e.g. Europe/Paris. */
                timezone?: string;
            };
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Buckets over the whole UTC hours covering [from, to), rounded out to whole buckets in the time zone. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClickSeries"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    getClickSummaryBreakdown: {
        parameters: {
            query: {
                /** @description Start of the range (ISO 8601). */
                from: string;
                /** @description Exclusive end; default now. */
                to?: string;
                by: "REFERRER" | "COUNTRY" | "DEVICE" | "BROWSER" | "OS" | "RULE" | "VARIANT" | "SOURCE";
                /** @description 1 to 50. */
                first?: number;
            };
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Entries over the whole UTC hours covering [from, to), most clicked first. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClickBreakdown"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                /** @description Page size (default 20, at most 100). */
                first?: number;
                /** @description The `next` cursor of the previous page. */
                after?: string;
            };
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the selected workspace's webhooks. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    /** @description The next page: `<…?after=…>; rel="next"`. */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookPage"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://hooks.example.com/linkgraph",
                 *       "events": [
                 *         "LINK_CREATED",
                 *         "LINK_CLICKS_MILESTONE"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateWebhookInput"];
            };
        };
        responses: {
            /** @description The webhook and its signing secret. */
            201: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description The new object's URL. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The webhook's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you read: 412 if the object changed since. */
                "If-Match"?: string;
            };
            path: {
                /** @description The webhook's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you read: 412 if the object changed since. */
                "If-Match"?: string;
            };
            path: {
                /** @description The webhook's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": true
                 *     }
                 */
                "application/json": components["schemas"]["UpdateWebhookInput"];
            };
        };
        responses: {
            /** @description The updated webhook. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
            };
            path: {
                /** @description The webhook's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "gracePeriodSeconds": 86400
                 *     }
                 */
                "application/json": {
                    gracePeriodSeconds?: number | null;
                };
            };
        };
        responses: {
            /** @description The webhook and its new secret. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    sendTestWebhookEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
            };
            path: {
                /** @description The webhook's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued; follow it in the deliveries. */
            202: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Page size (default 20, at most 100). */
                first?: number;
                /** @description The `next` cursor of the previous page. */
                after?: string;
                status?: "PENDING" | "DELIVERED" | "FAILED";
            };
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The webhook's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries, newest first. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    /** @description The next page: `<…?after=…>; rel="next"`. */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    redeliverWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
            };
            path: {
                /** @description The delivery's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued again with a fresh retry budget. */
            202: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    listWorkspaces: {
        parameters: {
            query?: {
                /** @description Page size (default 20, at most 100). */
                first?: number;
                /** @description The `next` cursor of the previous page. */
                after?: string;
            };
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of workspaces. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    /** @description The next page: `<…?after=…>; rel="next"`. */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspacePage"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    createWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Marketing"
                 *     }
                 */
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description The workspace; you are its OWNER. */
            201: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description The new object's URL. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    getWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The workspace's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you read: 412 if the object changed since. */
                "If-Match"?: string;
            };
            path: {
                /** @description The workspace's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you read: 412 if the object changed since. */
                "If-Match"?: string;
            };
            path: {
                /** @description The workspace's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Growth"
                 *     }
                 */
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description The workspace. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    listMembers: {
        parameters: {
            query?: {
                /** @description Page size (default 20, at most 100). */
                first?: number;
                /** @description The `next` cursor of the previous page. */
                after?: string;
            };
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
                /** @description The ETag you have: 304 when unchanged. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The workspace's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of members. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    /** @description Send back in If-None-Match (304) or If-Match (412 when stale). */
                    ETag?: string;
                    /** @description The next page: `<…?after=…>; rel="next"`. */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberPage"];
                };
            };
            /** @description Not modified (If-None-Match). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    removeMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
            };
            path: {
                /** @description The workspace's id. */
                id: string;
                /** @description The member's user id. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed; their access ends at once. */
            204: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
    changeMemberRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (default: your personal one, or the API key's). */
                "X-Workspace-Id"?: string;
            };
            path: {
                /** @description The workspace's id. */
                id: string;
                /** @description The member's user id. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "role": "VIEWER"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    role: "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";
                };
            };
        };
        responses: {
            /** @description The member. */
            200: {
                headers: {
                    /** @description Points per window (the budget GraphQL shares). */
                    "RateLimit-Limit"?: number;
                    /** @description Points left in this window. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets. */
                    "RateLimit-Reset"?: number;
                    /** @description `<points>;w=<seconds>`. */
                    "RateLimit-Policy"?: string;
                    /** @description Echoed, or generated. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["InvalidInput"];
            429: components["responses"]["RateLimited"];
        };
    };
}
