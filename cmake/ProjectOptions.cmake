# One INTERFACE target carries the language standard, warnings and Qt defines for every target of the project.
option(LSTM_WERROR "Treat warnings as errors (CI preset)" OFF)
option(LSTM_NATIVE_ARCH "Compile for this machine's CPU (-march=native): AVX-512/AVX2 GEMM kernels in Eigen" ON)
option(LSTM_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(LSTM_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang; instruments everything for coverage)" OFF)

add_library(lstm_project_options INTERFACE)
target_compile_features(lstm_project_options INTERFACE cxx_std_20)
set_target_properties(lstm_project_options PROPERTIES INTERFACE_CXX_EXTENSIONS OFF)

target_compile_options(lstm_project_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  $<$<BOOL:${LSTM_WERROR}>:-Werror>
  # Eigen's hot loops want these even in "dev"; debugging keeps -g.
  $<$<CONFIG:Release,RelWithDebInfo>:-O3>)

# Every translation unit must agree on the vector width: Eigen's alignment and packet types depend on it (ODR).
if(LSTM_NATIVE_ARCH)
  target_compile_options(lstm_project_options INTERFACE -march=native)
  # GCC 12 reports false "may be used uninitialized" inside its own avx512fintrin.h wherever Eigen's AVX-512
  # packets are inlined (GCC bug 105593, fixed in GCC 13). Silence only that warning, only there.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(lstm_project_options INTERFACE -Wno-maybe-uninitialized)
  endif()
endif()

if(LSTM_SANITIZE)
  target_compile_options(lstm_project_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                         -fno-sanitize-recover=undefined)
  target_link_options(lstm_project_options INTERFACE -fsanitize=address,undefined)
endif()

if(LSTM_FUZZ)
  target_compile_options(lstm_project_options INTERFACE -fsanitize=fuzzer-no-link)
endif()

target_compile_definitions(lstm_project_options INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_USE_QSTRINGBUILDER QT_NO_KEYWORDS
  QT_NO_URL_CAST_FROM_STRING QT_NO_CAST_FROM_BYTEARRAY QT_STRICT_ITERATORS)
