package components

import (
	"cmp"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ssoadmin"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Trusted token issuers of IdentityCenterSetup (identitycentersetup.md,
// "Trusted token issuers"): pulumi-aws ssoadmin.TrustedTokenIssuer, of the
// one type AWS has, OIDC_JWT.

// TrustedTokenIssuerSpec is one trusted token issuer with its OIDC JWT
// configuration.
type TrustedTokenIssuerSpec struct {
	Name                       string            `pulumi:"name"`
	IssuerURL                  string            `pulumi:"issuerUrl"`
	ClaimAttributePath         string            `pulumi:"claimAttributePath"`
	IdentityStoreAttributePath string            `pulumi:"identityStoreAttributePath"`
	JwksRetrievalOption        string            `pulumi:"jwksRetrievalOption,optional"`
	Tags                       map[string]string `pulumi:"tags,optional"`
}

// Annotate describes the type for the provider schema.
func (s *TrustedTokenIssuerSpec) Annotate(a infer.Annotator) {
	a.Describe(s, "A trusted token issuer: an external OAuth 2.0 authorization server whose JSON Web Tokens IAM "+
		"Identity Center exchanges for its own, for trusted identity propagation (type OIDC_JWT).")
	a.Describe(&s.Name, "The issuer's name, 1 to 255 letters, digits and `+=,.@_-`, unique. It keys the child.")
	a.Describe(&s.IssuerURL, "The issuer's URL, where IAM Identity Center finds its OpenID Connect discovery "+
		"document: `https://`, with no query or fragment, at most 512 characters, such as "+
		"`https://login.example.com/oauth2/default`. Unique among the issuers.")
	a.Describe(&s.ClaimAttributePath, "The JWT claim that identifies the user, such as `email` or `sub`: 1 to 3 "+
		"names of letters, separated by `.` or `_`.")
	a.Describe(&s.IdentityStoreAttributePath, "The identity-store attribute the claim is matched against, such "+
		"as `emails.value` or `userName`: 1 to 3 names of letters, separated by `.`.")
	a.Describe(&s.JwksRetrievalOption, "How IAM Identity Center gets the issuer's signing keys: "+
		"`OPEN_ID_DISCOVERY`, the only option AWS has and the default.")
	a.Describe(&s.Tags, "Tags on the trusted token issuer.")
}

// Formats of the IAM Identity Center API reference (TrustedTokenIssuerMetadata,
// OidcJwtConfiguration).
var (
	icClaimAttributePattern         = regexp.MustCompile(`^\p{L}+(?:[._]\p{L}+){0,2}$`)
	icIdentityStoreAttributePattern = regexp.MustCompile(`^\p{L}+(?:\.\p{L}+){0,2}$`)
	icIssuerURLPattern              = regexp.MustCompile(`^https?://[-a-zA-Z0-9+&@/%=~_|!:,.;]*[-a-zA-Z0-9+&@/%=~_|]$`)
)

// icIssuer is one validated TrustedTokenIssuerSpec.
type icIssuer struct {
	spec    TrustedTokenIssuerSpec
	resName string
}

// planTrustedTokenIssuers validates the issuers, sorted by name.
func (p *icPlan) planTrustedTokenIssuers(specs []TrustedTokenIssuerSpec, errs *InputErrors, claims icNameClaims) {
	order := make([]int, len(specs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(specs[a].Name, specs[b].Name) })
	names, issuers := map[string]bool{}, map[string]string{}
	for _, i := range order {
		s := specs[i]
		field := fmt.Sprintf("trustedTokenIssuers[%d]", i)
		ok := true
		switch {
		case !icApplicationNamePattern.MatchString(s.Name):
			errs.addSubject(field+".name", s.Name, "%q is not a valid trusted token issuer name: use 1 to 255 "+
				"letters, digits and +=,.@_-", s.Name)
			ok = false
		case names[s.Name]:
			errs.addSubject(field+".name", s.Name, "%q is a duplicate: trusted token issuer names are unique; rename "+
				"one", s.Name)
			ok = false
		}
		names[s.Name] = true
		if msg := checkIssuerURL(s.IssuerURL); msg != "" {
			errs.addSubject(field+".issuerUrl", s.IssuerURL, "%q %s", s.IssuerURL, msg)
			ok = false
		} else if prev, dup := issuers[strings.TrimSuffix(s.IssuerURL, "/")]; dup {
			errs.addSubject(field+".issuerUrl", s.IssuerURL, "%q is also the issuer URL of %s; an instance trusts an "+
				"issuer once: merge the two entries", s.IssuerURL, prev)
			ok = false
		} else {
			issuers[strings.TrimSuffix(s.IssuerURL, "/")] = fmt.Sprintf("trustedTokenIssuers[%d]", i)
		}
		if len(s.ClaimAttributePath) > 255 || !icClaimAttributePattern.MatchString(s.ClaimAttributePath) {
			errs.addSubject(field+".claimAttributePath", s.ClaimAttributePath, "%q is not a claim attribute path: "+
				"give 1 to 3 names of letters separated by . or _, such as email or sub", s.ClaimAttributePath)
			ok = false
		}
		if len(s.IdentityStoreAttributePath) > 255 ||
			!icIdentityStoreAttributePattern.MatchString(s.IdentityStoreAttributePath) {
			errs.addSubject(field+".identityStoreAttributePath", s.IdentityStoreAttributePath, "%q is not an "+
				"identity-store attribute path: give 1 to 3 names of letters separated by dots, such as "+
				"emails.value or userName", s.IdentityStoreAttributePath)
			ok = false
		}
		if s.JwksRetrievalOption != "" && s.JwksRetrievalOption != "OPEN_ID_DISCOVERY" {
			errs.addSubject(field+".jwksRetrievalOption", s.JwksRetrievalOption, "%q is not a JWKS retrieval "+
				"option; IAM Identity Center has OPEN_ID_DISCOVERY only: remove it or set that", s.JwksRetrievalOption)
			ok = false
		}
		for k := range s.Tags {
			if k == "" {
				errs.addSubject(field+".tags", "", "has an empty key; tag keys must be 1 to 128 characters")
			}
		}
		if !ok {
			continue
		}
		is := icIssuer{spec: s, resName: p.name + "-tti-" + icSanitizeName(s.Name)}
		claims.claim(errs, is.resName, field+".name", s.Name)
		p.issuers = append(p.issuers, is)
	}
}

// checkIssuerURL says what is wrong with an issuer URL, or "". OpenID
// Connect's issuer identifier "is a case sensitive URL using the https
// scheme that contains scheme, host, and optionally, port number and path
// components and no query or fragment components" (OpenID Connect Core 1.0,
// section 1.2), and IAM Identity Center reads its discovery document from it.
func checkIssuerURL(s string) string {
	u, err := url.Parse(s)
	switch {
	case s == "":
		return "is empty; give the issuer's https:// URL, such as https://login.example.com/oauth2/default"
	case err != nil || u.Host == "":
		return "is not a URL; give the issuer's https:// URL, such as https://login.example.com/oauth2/default"
	case u.Scheme != "https":
		return "does not use https: an OpenID Connect issuer identifier is an https URL; use https://" + u.Host +
			u.Path
	case u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(s, "?#"):
		return "has a query or fragment, which an OpenID Connect issuer identifier never has; give the issuer " +
			"as its discovery document names it (the `issuer` of .well-known/openid-configuration)"
	case len(s) > 512 || !icIssuerURLPattern.MatchString(s):
		return "is not an issuer URL IAM Identity Center accepts: at most 512 characters of letters, digits and " +
			"-+&@/%=~_|!:,.;"
	}
	return ""
}

// trustedTokenIssuers registers the issuers.
func (b *icBuilder) trustedTokenIssuers() error {
	b.issuerArns = pulumi.StringMap{}
	for _, is := range b.plan.issuers {
		s := is.spec
		jwks := s.JwksRetrievalOption
		if jwks == "" {
			jwks = "OPEN_ID_DISCOVERY"
		}
		args := &ssoadmin.TrustedTokenIssuerArgs{
			InstanceArn:            b.instanceArn,
			Name:                   pulumi.String(s.Name),
			TrustedTokenIssuerType: pulumi.String("OIDC_JWT"),
			TrustedTokenIssuerConfiguration: &ssoadmin.TrustedTokenIssuerTrustedTokenIssuerConfigurationArgs{
				OidcJwtConfiguration: &ssoadmin.TrustedTokenIssuerTrustedTokenIssuerConfigurationOidcJwtConfigurationArgs{
					ClaimAttributePath:         pulumi.String(s.ClaimAttributePath),
					IdentityStoreAttributePath: pulumi.String(s.IdentityStoreAttributePath),
					IssuerUrl:                  pulumi.String(s.IssuerURL),
					JwksRetrievalOption:        pulumi.String(jwks),
				},
			},
		}
		if len(s.Tags) > 0 {
			args.Tags = pulumi.ToStringMap(s.Tags)
		}
		res, err := ssoadmin.NewTrustedTokenIssuer(b.ctx, is.resName, args, b.parent, b.afterIntegration)
		if err != nil {
			return fmt.Errorf("registering trusted token issuer %q: %w", s.Name, err)
		}
		b.issuerArns[s.Name] = res.Arn
		b.add(res)
	}
	return nil
}
