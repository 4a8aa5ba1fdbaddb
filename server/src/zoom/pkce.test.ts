import { describe, expect, it } from 'vitest';
import { codeChallenge, newCodeVerifier, verifierMatches } from './pkce';

describe('PKCE', () => {
  it('matches RFC 7636 appendix B for S256', () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(codeChallenge(verifier, 'S256')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(verifierMatches(verifier, 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', 'S256')).toBe(true);
  });

  it('uses the verifier itself for plain, and rejects a wrong verifier either way', () => {
    const verifier = newCodeVerifier();
    expect(codeChallenge(verifier, 'plain')).toBe(verifier);
    expect(verifierMatches(verifier, verifier, 'plain')).toBe(true);
    expect(verifierMatches(newCodeVerifier(), verifier, 'plain')).toBe(false);
    expect(verifierMatches(newCodeVerifier(), codeChallenge(verifier, 'S256'), 'S256')).toBe(false);
  });

  it('makes verifiers within RFC 7636 length and alphabet', () => {
    const verifier = newCodeVerifier();
    expect(verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    expect(newCodeVerifier()).not.toBe(verifier);
  });
});
