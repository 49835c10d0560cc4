# Runs one fuzz target for a bounded time: new inputs go to a fresh working corpus in the build
# tree, the seed corpus in the repository is only read, and a crash input is kept beside the
# working corpus (its path is printed) so it can be turned into a regression test.
foreach(var FUZZER SEEDS WORK SECONDS)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "runfuzzer.cmake: ${var} is not set")
    endif()
endforeach()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/corpus" "${WORK}/crashes")
# -timeout: one input that takes 10 s is a hang; -rss_limit_mb: ASan's shadow memory needs room.
execute_process(
    COMMAND "${FUZZER}" -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
        "-artifact_prefix=${WORK}/crashes/" "${WORK}/corpus" "${SEEDS}"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${FUZZER} failed (${result}); the input that did it is in ${WORK}/crashes/")
endif()
