// The time loops never allocate: this executable replaces malloc and friends with counting
// wrappers around glibc's, warms the workspace up, then counts every heap allocation made by whole forward and
// backward passes — including Eigen's GEMM packing buffers, which EIGEN_STACK_ALLOCATION_LIMIT keeps on the stack.
#include "model/batch_runner.h"
#include "model/sequence_pass.h"
#include "test_models.h"

#include <QTest>

#include <atomic>
#include <cerrno>
#include <cstdlib>

#if defined(__SANITIZE_ADDRESS__)
#define LSTM_MALLOC_HOOKS 0 // AddressSanitizer owns malloc
#else
#define LSTM_MALLOC_HOOKS 1
#endif

namespace {
std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0};
std::atomic<long> g_largest{0};
void noteAllocation(std::size_t size) {
  if (g_counting.load(std::memory_order_relaxed)) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    long previous = g_largest.load();
    while (long(size) > previous && !g_largest.compare_exchange_weak(previous, long(size))) {
    }
  }
}
} // namespace

#if LSTM_MALLOC_HOOKS
extern "C" {
void *__libc_malloc(std::size_t);
void *__libc_calloc(std::size_t, std::size_t);
void *__libc_realloc(void *, std::size_t);
void *__libc_memalign(std::size_t, std::size_t);
void *malloc(std::size_t size) {
  noteAllocation(size);
  return __libc_malloc(size);
}
void *calloc(std::size_t count, std::size_t size) {
  noteAllocation(count * size);
  return __libc_calloc(count, size);
}
void *realloc(void *pointer, std::size_t size) {
  noteAllocation(size);
  return __libc_realloc(pointer, size);
}
void *aligned_alloc(std::size_t alignment, std::size_t size) {
  noteAllocation(size);
  return __libc_memalign(alignment, size);
}
void *memalign(std::size_t alignment, std::size_t size) {
  noteAllocation(size);
  return __libc_memalign(alignment, size);
}
int posix_memalign(void **out, std::size_t alignment, std::size_t size) {
  noteAllocation(size);
  *out = __libc_memalign(alignment, size);
  return *out ? 0 : ENOMEM;
}
}
#endif

using namespace lstm;

class TestNoAllocation : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase();
  void sequencePasses_data();
  void sequencePasses();
  void batchRunner();
};

void TestNoAllocation::initTestCase() {
  if (!LSTM_MALLOC_HOOKS)
    QSKIP("malloc cannot be counted under AddressSanitizer");
  // The hooks must really be in use, or the test below would pass vacuously.
  g_allocations = 0;
  g_counting = true;
  void *volatile probe = std::malloc(100);
  g_counting = false;
  std::free(probe);
  QCOMPARE(g_allocations.load(), 1L);
}

void TestNoAllocation::sequencePasses_data() {
  QTest::addColumn<int>("input");
  QTest::addColumn<int>("hidden");
  QTest::addColumn<int>("layers");
  QTest::addColumn<int>("steps");
  QTest::addColumn<int>("batch");
  QTest::newRow("onehot H128 T64 B32") << int(InputKind::OneHot) << 128 << 1 << 64 << 32;
  QTest::newRow("onehot H256 L2 T64 B32") << int(InputKind::OneHot) << 256 << 2 << 64 << 32;
  QTest::newRow("onehot H512 T128 B16") << int(InputKind::OneHot) << 512 << 1 << 128 << 16;
  QTest::newRow("onehot H1024 T8 B8") << int(InputKind::OneHot) << 1024 << 1 << 8 << 8;
  QTest::newRow("embedding H64 L3 T32 B8") << int(InputKind::Embedding) << 64 << 3 << 32 << 8;
  QTest::newRow("dense regression H32 T16 B4") << int(InputKind::Dense) << 32 << 2 << 16 << 4;
}

void TestNoAllocation::sequencePasses() {
  QFETCH(int, input);
  QFETCH(int, hidden);
  QFETCH(int, layers);
  QFETCH(int, steps);
  QFETCH(int, batch);
  ModelConfig config = test::smallConfig(InputKind(input), InputKind(input) == InputKind::Dense ? HeadKind::Regression
                                                                                                 : HeadKind::Softmax,
                                         layers, hidden);
  config.vocabSize = config.usesTokens() ? 65 : 0;
  config.embedDim = 16;
  const Parameters<float> params = test::randomParameters<float>(config, 3);
  Parameters<float> grads(config);
  SequenceWorkspace<float> ws(config, steps, batch);
  test::fillRandomWindow(ws, 5, true);
  forwardPass(params, ws); // warm-up: first-touch of every buffer
  backwardPass(params, ws, grads, 1.0f);

  g_allocations = 0;
  g_largest = 0;
  g_counting = true;
  const double loss = forwardPass(params, ws);
  backwardPass(params, ws, grads, 1.0f);
  ws.carryState();
  g_counting = false;
  QVERIFY(std::isfinite(loss));
  QVERIFY2(g_allocations.load() == 0,
           qPrintable(QStringLiteral("%1 heap allocations, the largest %2 bytes").arg(g_allocations.load()).arg(g_largest.load())));
}

void TestNoAllocation::batchRunner() {
  ModelConfig config = test::smallConfig(InputKind::OneHot, HeadKind::Softmax, 2, 128);
  config.vocabSize = 65;
  const Parameters<float> params = test::randomParameters<float>(config, 3);
  Parameters<float> grads(config);
  BatchRunner<float> runner(config, 32, 16, 2);
  std::vector<std::int32_t> tokens(32 * 16, 7), targets(32 * 16, 9);
  runner.setTokens(tokens);
  runner.setTargetTokens(targets);
  runner.forwardBackward(params, grads);

  g_allocations = 0;
  g_counting = true;
  runner.forwardBackward(params, grads);
  runner.carryState();
  g_counting = false;
  QCOMPARE(g_allocations.load(), 0L);
}

QTEST_GUILESS_MAIN(TestNoAllocation)
#include "tst_no_allocation.moc"
