// Package e2e drives the running product in a real headless Chromium, as a
// person would: on a 360 px phone screen first, reading French first, then
// switching languages with the links of the page.
//
// Each test starts the whole product with testapp.StartApp (a fresh database
// and the demo alliance) on a loopback port and opens it in a fresh Chromium
// profile. The browser helpers live in browser_test.go.
//
// Chromium is /usr/bin/chromium unless MENTORAT_TEST_CHROMIUM names another
// binary. Without it the tests skip, except under CI=true, where they fail.
// With MENTORAT_E2E_SCREENSHOTS=/some/folder, the tests also save full-page
// PNG screenshots there for a person to look at; they are never committed.
package e2e
