/** Request authentication: static bearer tokens, basic auth and OAuth 2 with cached, refreshed tokens. */
package io.activationsuite.sink.http.auth;
