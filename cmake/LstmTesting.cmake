# lstm_add_test(NAME tst_x SOURCES a.cpp ... LIBS lib ... [ENVIRONMENT K=V ...] [LABELS ...])
# One executable per test class, registered with CTest, run without a display.
function(lstm_add_test)
  cmake_parse_arguments(ARG "" "NAME;TIMEOUT" "SOURCES;LIBS;ENVIRONMENT;LABELS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SOURCES})
  target_link_libraries(${ARG_NAME} PRIVATE lstm_project_options Qt6::Test ${ARG_LIBS})
  target_compile_definitions(${ARG_NAME} PRIVATE
    LSTM_FIXTURE_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures"
    LSTM_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  set_tests_properties(${ARG_NAME} PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${ARG_ENVIRONMENT}"
    TIMEOUT ${ARG_TIMEOUT}
    LABELS "${ARG_LABELS}")
endfunction()
