# lit configuration for tollgate's golden CLI tests.
#
# A test is one .test file: RUN lines, then the inputs as split-file parts
# (`#--- name`), with `--leading-lines` so that line numbers in the parts
# equal line numbers in the .test file. FileCheck compares the output, and
# --implicit-check-not makes any finding that is not spelled out fail.
import os
import lit.formats

config.name = "tollgate"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.join(config.tollgate_src, "tests/lit")
# Tests on the shared corpora (beside the checkout, not in it) need them.
if os.path.isdir(os.path.join(config.tollgate_src, "..", "shared", "corpora",
                              "account-authorization-details")):
    config.available_features.add("account-corpus")


config.environment["NO_COLOR"] = "1"
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.tollgate_bin, config.environment.get("PATH", "")])
config.substitutions.append(("%tollgate", os.path.join(config.tollgate_bin, "tollgate")))
config.substitutions.append(("%examples", os.path.join(config.tollgate_src, "examples")))
# Every finding a test does not name fails it.
config.substitutions.append(
    ("%nofindings", "--implicit-check-not=error: --implicit-check-not=warning: "
                    "--implicit-check-not=security: --implicit-check-not=suggestion:"))
