// The sampler (core/explore/sampler.h): option validation, greedy and filtered picks, empirical frequencies
// against the tempered distribution p_i^(1/T) computed here in double, seeded reproducibility, one uniform per
// pick, no allocation per pick, and generate() on a small random model.
#include "explore/sampler.h"
#include "explore/stepper.h"
#include "english_problem.h"
#include "test_models.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <new>

using namespace lstm;

// Counts C++ heap allocations (std::vector grows through operator new) while g_counting is set.
#if defined(__SANITIZE_ADDRESS__)
#define LSTM_COUNT_NEW 0 // AddressSanitizer owns the allocator
#else
#define LSTM_COUNT_NEW 1
namespace {
std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0};
} // namespace
void *operator new(std::size_t size) {
  if (g_counting.load(std::memory_order_relaxed))
    g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void *p = std::malloc(size ? size : 1))
    return p;
  throw std::bad_alloc();
}
void operator delete(void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }
#endif

namespace {

Vector<float> distribution(std::initializer_list<float> values) {
  Vector<float> p(Eigen::Index(values.size()));
  Eigen::Index k = 0;
  for (float v : values)
    p(k++) = v;
  return p;
}

Vector<float> randomDistribution(Rng &rng, int V) {
  Vector<float> p(V);
  for (int k = 0; k < V; ++k)
    p(k) = float(std::exp(3.0 * rng.normal()));
  return p / p.sum();
}

std::int32_t argmax(const Vector<float> &p) {
  Eigen::Index best = 0;
  p.maxCoeff(&best); // first maximum
  return std::int32_t(best);
}

SamplingOptions options(double temperature, int topK = 0, double topP = 1.0, std::uint64_t seed = 1) {
  SamplingOptions o;
  o.temperature = temperature;
  o.topK = topK;
  o.topP = topP;
  o.seed = seed;
  return o;
}

std::vector<int> counts(Sampler &sampler, const Vector<float> &p, int picks) {
  std::vector<int> n(std::size_t(p.size()), 0);
  for (int k = 0; k < picks; ++k)
    ++n.at(std::size_t(sampler.pick(p)));
  return n;
}

std::shared_ptr<Model> makeModel(std::vector<char32_t> symbols, std::uint64_t seed = 3) {
  auto model = std::make_shared<Model>();
  model->config = test::smallConfig(InputKind::OneHot, HeadKind::Softmax, 2, 6);
  model->config.vocabSize = int(symbols.size());
  model->vocabulary = *Vocabulary::create(std::move(symbols));
  model->parameters = test::randomParameters<float>(model->config, seed, 2.0);
  return model;
}

} // namespace

class TestSampler : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void validate_data();
  void validate();
  void greedy_data();
  void greedy();
  void topKOneAndTinyTopPAreGreedy();
  void frequenciesMatchTemperedDistribution_data();
  void frequenciesMatchTemperedDistribution();
  void topKKeepsTheLargest();
  void topPDropsTheTail();
  void filtersApplyInOrder();
  void zeroProbabilitiesNeverPicked();
  void degenerateInputs();
  void seedsAndOneUniformPerPick();
  void pickAllocatesNothingAfterFirstCall();
  void generateIsExactAndDeterministic();
  void generateGreedyFollowsArgmax();
  void generateStartToken();
};

void TestSampler::validate_data() {
  QTest::addColumn<double>("temperature");
  QTest::addColumn<int>("topK");
  QTest::addColumn<double>("topP");
  QTest::addColumn<QString>("needle"); // empty when valid
  const double nan = std::nan(""), inf = HUGE_VAL;
  const QString t = QStringLiteral("temperature"), p = QStringLiteral("top-p");
  QTest::newRow("defaults") << 1.0 << 0 << 1.0 << QString();
  QTest::newRow("greedy") << 0.0 << 0 << 1.0 << QString();
  QTest::newRow("huge temperature") << 1e300 << 0 << 1.0 << QString();
  QTest::newRow("tiny temperature, top-k, tiny top-p") << 1e-300 << 3 << 1e-9 << QString();
  QTest::newRow("negative temperature") << -1.0 << 0 << 1.0 << QStringLiteral("temperature is -1");
  QTest::newRow("infinite temperature") << inf << 0 << 1.0 << t;
  QTest::newRow("NaN temperature") << nan << 0 << 1.0 << t;
  QTest::newRow("negative top-k") << 1.0 << -1 << 1.0 << QStringLiteral("top-k is -1");
  QTest::newRow("zero top-p") << 1.0 << 0 << 0.0 << QStringLiteral("top-p is 0");
  QTest::newRow("negative top-p") << 1.0 << 0 << -0.5 << p;
  QTest::newRow("top-p above 1") << 1.0 << 0 << 1.5 << QStringLiteral("top-p is 1.5");
  QTest::newRow("NaN top-p") << 1.0 << 0 << nan << p;
}

void TestSampler::validate() {
  QFETCH(double, temperature);
  QFETCH(int, topK);
  QFETCH(double, topP);
  QFETCH(QString, needle);
  Problem refusal;
  const bool usable = options(temperature, topK, topP).validate(&refusal);
  const QString problem = test::english(refusal);
  if (needle.isEmpty()) {
    QVERIFY2(usable && problem.isEmpty(), qPrintable(problem));
    return;
  }
  QVERIFY(!usable);
  QVERIFY2(problem.contains(needle), qPrintable(problem));
  QVERIFY2(!problem.contains(QLatin1Char('\n')), qPrintable(problem)); // one sentence, one line
}

void TestSampler::greedy_data() {
  QTest::addColumn<QList<float>>("values");
  QTest::addColumn<int>("expected");
  QTest::newRow("clear maximum") << QList<float>{0.1f, 0.2f, 0.6f, 0.1f} << 2;
  QTest::newRow("tie goes to the lower id") << QList<float>{0.1f, 0.4f, 0.1f, 0.4f} << 1;
  QTest::newRow("uniform") << QList<float>{0.25f, 0.25f, 0.25f, 0.25f} << 0;
  QTest::newRow("one-hot last") << QList<float>{0.0f, 0.0f, 0.0f, 1.0f} << 3;
}

void TestSampler::greedy() {
  QFETCH(QList<float>, values);
  QFETCH(int, expected);
  const Vector<float> p = Eigen::Map<const Vector<float>>(values.constData(), Eigen::Index(values.size()));
  Sampler sampler(options(0.0));
  const Rng::State before = sampler.rng().state();
  for (int k = 0; k < 10; ++k)
    QCOMPARE(sampler.pick(p), expected);
  QVERIFY(sampler.rng().state() == before); // greedy consumes no randomness
}

void TestSampler::topKOneAndTinyTopPAreGreedy() {
  Rng rng(11);
  for (double temperature : {0.05, 0.5, 1.0, 3.0, 100.0, 1e6}) {
    Sampler topK(options(temperature, 1, 1.0, 5)), topP(options(temperature, 0, 1e-6, 6));
    for (int trial = 0; trial < 200; ++trial) {
      const Vector<float> p = randomDistribution(rng, 1 + int(rng.below(40)));
      QCOMPARE(topK.pick(p), argmax(p));
      QCOMPARE(topP.pick(p), argmax(p));
    }
  }
}

void TestSampler::frequenciesMatchTemperedDistribution_data() {
  QTest::addColumn<double>("temperature");
  for (double t : {0.5, 1.0, 2.0, 10.0, 1000.0})
    QTest::addRow("T=%g", t) << t;
}

void TestSampler::frequenciesMatchTemperedDistribution() {
  QFETCH(double, temperature);
  const std::vector<double> p{0.5, 0.3, 0.15, 0.05};
  std::vector<double> expected;
  double norm = 0.0;
  for (double v : p)
    norm += std::pow(v, 1.0 / temperature);
  for (double v : p)
    expected.push_back(std::pow(v, 1.0 / temperature) / norm);
  const int picks = 20000;
  Sampler sampler(options(temperature, 0, 1.0, 42));
  const std::vector<int> n = counts(sampler, distribution({0.5f, 0.3f, 0.15f, 0.05f}), picks);
  // Binomial standard deviation ≤ √(0.25/20000) ≈ 0.0035; 0.015 is over four of them.
  for (std::size_t k = 0; k < p.size(); ++k) {
    const double frequency = double(n[k]) / picks;
    QVERIFY2(std::fabs(frequency - expected[k]) <= 0.015,
             qPrintable(QStringLiteral("token %1: frequency %2, expected %3").arg(k).arg(frequency).arg(expected[k])));
  }
  if (temperature >= 1000.0) // flattened: every token near 1/4
    for (int count : n)
      QVERIFY2(std::fabs(double(count) / picks - 0.25) <= 0.015, qPrintable(QString::number(count)));
}

void TestSampler::topKKeepsTheLargest() {
  const Vector<float> p = distribution({0.1f, 0.4f, 0.2f, 0.3f});
  Sampler sampler(options(5.0, 2, 1.0, 9)); // a high temperature makes the dropped tokens likely without top-k
  const std::vector<int> n = counts(sampler, p, 5000);
  QCOMPARE(n[0], 0);
  QCOMPARE(n[2], 0);
  QVERIFY(n[1] > 0 && n[3] > 0);
  // K beyond V keeps everything.
  Sampler wide(options(1.0, 50, 1.0, 9));
  for (int count : counts(wide, p, 5000))
    QVERIFY(count > 0);
}

void TestSampler::topPDropsTheTail() {
  // Cumulative 0.5, 0.8, 0.95 ≥ 0.9: three tokens kept, the 0.05 one never.
  Sampler sampler(options(1.0, 0, 0.9, 4));
  const std::vector<int> n = counts(sampler, distribution({0.5f, 0.3f, 0.15f, 0.05f}), 20000);
  QCOMPARE(n[3], 0);
  // What is kept is renormalised: 0.5 / 0.95 etc.
  QVERIFY2(std::fabs(n[0] / 20000.0 - 0.5 / 0.95) <= 0.015, qPrintable(QString::number(n[0])));
  QVERIFY2(std::fabs(n[2] / 20000.0 - 0.15 / 0.95) <= 0.015, qPrintable(QString::number(n[2])));
}

void TestSampler::filtersApplyInOrder() {
  const Vector<float> p = distribution({0.5f, 0.3f, 0.15f, 0.05f});
  // Top-p sees the tempered distribution: at T = 0.5 token 0 has 0.25/0.358 ≈ 0.70 ≥ 0.65 (at T = 1 it would not).
  Sampler tempered(options(0.5, 0, 0.65, 1));
  // Top-p sees what top-k kept, renormalised: 0.5/0.8 = 0.625 ≥ 0.6 (of the whole distribution only 0.5).
  Sampler afterTopK(options(1.0, 2, 0.6, 1));
  for (int k = 0; k < 2000; ++k) {
    QCOMPARE(tempered.pick(p), 0);
    QCOMPARE(afterTopK.pick(p), 0);
  }
}

void TestSampler::zeroProbabilitiesNeverPicked() {
  const Vector<float> p = distribution({0.0f, 0.5f, 0.0f, 0.5f, 0.0f});
  for (double temperature : {0.01, 1.0, 100.0, 1e300}) {
    Sampler sampler(options(temperature, 0, 1.0, 8));
    const std::vector<int> n = counts(sampler, p, 4000);
    QVERIFY2(n[0] == 0 && n[2] == 0 && n[4] == 0, qPrintable(QString::number(temperature)));
    QVERIFY(n[1] > 0 && n[3] > 0);
  }
}

void TestSampler::degenerateInputs() {
  const float nan = std::nanf("");
  for (double temperature : {0.0, 1.0}) {
    Sampler sampler(options(temperature, 2, 0.5, 3));
    QCOMPARE(sampler.pick(distribution({0.0f, 0.0f, 0.0f})), 0);
    QCOMPARE(sampler.pick(distribution({nan, nan})), 0);
    QCOMPARE(sampler.pick(distribution({nan, -1.0f, 0.0f})), 2); // argmax of what is finite
    QCOMPARE(sampler.pick(Vector<float>()), 0);
    for (int k = 0; k < 200; ++k) {
      const std::int32_t token = sampler.pick(distribution({nan, 0.3f, nan, 0.7f}));
      QVERIFY(token == 1 || token == 3);
    }
  }
}

void TestSampler::seedsAndOneUniformPerPick() {
  const Vector<float> p = Vector<float>::Constant(8, 1.0f / 8);
  Sampler a(options(1.0, 0, 1.0, 77)), b(options(1.0, 0, 1.0, 77)), c(options(1.0, 0, 1.0, 78));
  std::vector<std::int32_t> first, second, third;
  for (int k = 0; k < 500; ++k) {
    first.push_back(a.pick(p));
    second.push_back(b.pick(p));
    third.push_back(c.pick(p));
  }
  QVERIFY(first == second);
  QVERIFY(first != third);
  // Full 64-bit seeds are distinct seeds.
  Sampler high(options(1.0, 0, 1.0, ~std::uint64_t(0))), low(options(1.0, 0, 1.0, ~std::uint64_t(0) >> 1));
  bool differ = false;
  for (int k = 0; k < 100; ++k)
    differ = high.pick(p) != low.pick(p) || differ;
  QVERIFY(differ);

  // Exactly one uniform per pick whatever the filters and inputs: the stream stays aligned with a plain Rng.
  Sampler filtered(options(0.7, 3, 0.8, 5));
  Rng reference(5);
  const Vector<float> zeros = Vector<float>::Zero(4);
  for (int k = 0; k < 100; ++k) {
    filtered.pick(k % 10 == 0 ? zeros : p);
    reference.uniform();
  }
  QVERIFY(filtered.rng().state() == reference.state());
}

void TestSampler::pickAllocatesNothingAfterFirstCall() {
#if LSTM_COUNT_NEW
  Rng rng(2);
  const Vector<float> p = randomDistribution(rng, 300), smaller = randomDistribution(rng, 100);
  Sampler sampler(options(0.8, 40, 0.9, 1));
  g_allocations = 0;
  g_counting = true;
  sampler.pick(p); // sizes the scratch vectors; also shows that the counter sees them
  g_counting = false;
  QVERIFY(g_allocations.load() > 0);
  g_allocations = 0;
  g_counting = true;
  for (int k = 0; k < 1000; ++k)
    sampler.pick(k % 2 ? p : smaller);
  g_counting = false;
  QCOMPARE(g_allocations.load(), 0L);
#else
  QSKIP("allocation counting is off under AddressSanitizer");
#endif
}

void TestSampler::generateIsExactAndDeterministic() {
  const auto model = makeModel({U'a', U'b', U'\n', U'c', U'd'});
  const std::vector<std::int32_t> primer{0, 1, 3, 4};
  auto run = [&](std::uint64_t seed, int length, std::span<const std::int32_t> start, int *steps) {
    Stepper stepper(model);
    Sampler sampler(options(2.0, 0, 1.0, seed));
    const std::vector<std::int32_t> text = generate(stepper, start, length, sampler);
    *steps = stepper.position();
    // Every generated token was fed back, the last one included.
    for (std::size_t k = 0; k < text.size(); ++k)
      if (stepper.trace().token(stepper.position() - int(text.size()) + int(k)) != text[k])
        return std::vector<std::int32_t>{};
    return text;
  };
  int steps = 0;
  for (int length : {0, 1, 37, 300}) {
    const std::vector<std::int32_t> text = run(7, length, primer, &steps);
    QCOMPARE(int(text.size()), length);
    QCOMPARE(steps, int(primer.size()) + length); // primer + every generated token
    for (std::int32_t token : text)
      QVERIFY(token >= 0 && token < 5);
    const std::vector<std::int32_t> empty = run(7, length, {}, &steps);
    QCOMPARE(int(empty.size()), length);
    QCOMPARE(steps, 1 + length); // the start token, then every generated token
  }
  const std::vector<std::int32_t> a = run(7, 300, primer, &steps), b = run(7, 300, primer, &steps);
  const std::vector<std::int32_t> c = run(8, 300, primer, &steps);
  QVERIFY(!a.empty() && a == b);
  QVERIFY(a != c);
  // A shorter run is a prefix of a longer one with the same seed.
  const std::vector<std::int32_t> shorter = run(7, 37, primer, &steps);
  QVERIFY(std::equal(shorter.begin(), shorter.end(), a.begin()));
}

void TestSampler::generateGreedyFollowsArgmax() {
  const auto model = makeModel({U'a', U'b', U'\n', U'c', U'd'});
  const std::vector<std::int32_t> primer{3, 0, 0};
  Stepper stepper(model);
  Sampler sampler(options(0.0));
  const std::vector<std::int32_t> text = generate(stepper, primer, 20, sampler);
  // The prediction after the last primer token gives the first generated token, and so on.
  Vector<float> output;
  for (std::size_t k = 0; k < text.size(); ++k) {
    stepper.outputAt(int(primer.size() + k) - 1, output);
    QCOMPARE(text[k], argmax(output));
  }
  // The stepper continued from the state it had: primer read exactly once.
  for (std::size_t k = 0; k < primer.size(); ++k)
    QCOMPARE(stepper.trace().token(int(k)), primer[k]);
}

void TestSampler::generateStartToken() {
  Sampler sampler(options(1.0));
  Stepper withNewline(makeModel({U'a', U'b', U'\n', U'c'}));
  generate(withNewline, {}, 3, sampler);
  QCOMPARE(withNewline.trace().token(0), 2);
  Stepper withoutNewline(makeModel({U'x', U'y', U'z'}));
  generate(withoutNewline, {}, 3, sampler);
  QCOMPARE(withoutNewline.trace().token(0), 0);
}

QTEST_GUILESS_MAIN(TestSampler)
#include "tst_sampler.moc"
