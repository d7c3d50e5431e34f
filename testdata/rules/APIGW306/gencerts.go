//go:build ignore

// gencerts writes the self-signed PEM certificates of the APIGW306
// fixtures. Their validity is far in the past or the future, so that the
// fixtures do not depend on the day they run:
//
//	cd testdata/rules/APIGW306 && go run gencerts.go
//
// The private keys are thrown away: the linter reads certificate bodies
// only.
package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"log"
	"math/big"
	"os"
	"path/filepath"
	"time"
)

func main() {
	certs := []struct {
		file      string
		cn        string
		sans      []string
		notBefore time.Time
		notAfter  time.Time
	}{
		{"expired.pem", "old.example.com", []string{"old.example.com"},
			time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"valid.pem", "api.example.com", []string{"api.example.com", "*.api.example.com"},
			time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	for i, c := range certs {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			log.Fatal(err)
		}
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(int64(i + 1)),
			Subject:      pkix.Name{CommonName: c.cn, Organization: []string{"apigw-lint fixtures"}},
			DNSNames:     c.sans,
			NotBefore:    c.notBefore,
			NotAfter:     c.notAfter,
			KeyUsage:     x509.KeyUsageDigitalSignature,
			ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
		if err != nil {
			log.Fatal(err)
		}
		out := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
		if err := os.WriteFile(filepath.Join("terraform", c.file), out, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
