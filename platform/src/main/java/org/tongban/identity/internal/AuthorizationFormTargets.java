package org.tongban.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The pages whose form ends an authorization request (the consent page; the sign-in, second-factor and password
 * pages while an authorization request waits in the session) are answered by a redirect to the client's registered
 * redirect URI, on another origin. Browsers apply {@code form-action} to that redirect too, so those pages' policy
 * names the waiting client's registered redirect origins beside {@code 'self'}, and no others.
 */
class AuthorizationFormTargets extends OncePerRequestFilter {

  private final RegisteredClientRepository clients;
  private final HttpSessionRequestCache saved = new HttpSessionRequestCache();

  AuthorizationFormTargets(RegisteredClientRepository clients) {
    this.clients = clients;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("GET".equals(request.getMethod())) {
      var origins = origins(clientId(request, response));
      if (!origins.isEmpty()) {
        response.setHeader("Content-Security-Policy", SecurityConfiguration.policy(String.join(" ", origins)));
      }
    }
    chain.doFilter(request, response);
  }

  private @Nullable String clientId(HttpServletRequest request, HttpServletResponse response) {
    if ("/oauth2/consent".equals(request.getServletPath())) return request.getParameter("client_id");
    if (request.getSession(false) == null) return null;
    var waiting = saved.getRequest(request, response);
    if (waiting == null || !waiting.getRedirectUrl().contains("/oauth2/authorize")) return null;
    var ids = waiting.getParameterValues("client_id");
    return ids == null || ids.length == 0 ? null : ids[0];
  }

  private Set<String> origins(@Nullable String clientId) {
    var origins = new TreeSet<String>();
    var client = clientId == null ? null : clients.findByClientId(clientId);
    if (client == null) return origins;
    for (String uri : client.getRedirectUris()) {
      try {
        var u = URI.create(uri);
        if (u.getScheme() != null && u.getHost() != null) {
          origins.add(u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()));
        }
      } catch (IllegalArgumentException e) {
        // A URI the registration check let through and URI cannot read: left out of the policy.
      }
    }
    return origins;
  }
}
