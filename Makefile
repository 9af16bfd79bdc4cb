# The README's commands. `make run` starts the product on the embedded
# defaults; `make test` runs the whole test suite (set the MENTORAT_TEST_*
# variables to run it against PostgreSQL and Redis too).

GO ?= go
# A count (3000x) rather than a duration: with a duration, Go 1.26's fuzzing
# coordinator can report a spurious "context deadline exceeded" at the end.
FUZZTIME ?= 3000x

.PHONY: run test build vet fmt-check fuzz bench

run:
	$(GO) run ./cmd/mentorat

test:
	$(GO) test -race -count=1 ./...

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags='-s -w' -o bin/mentorat ./cmd/mentorat

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# Each fuzz target runs briefly; FUZZTIME=1000000x for a longer hunt.
fuzz:
	@set -e; for target in $$(grep -rhoE '^func Fuzz[A-Za-z0-9_]+' --include='*_test.go' . | sed 's/func //' | sort -u); do \
		pkg=$$(grep -rlE "^func $$target\(" --include='*_test.go' . | head -n1 | xargs dirname); \
		echo "fuzz $$target in $$pkg"; \
		$(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) $$pkg; \
	done

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
