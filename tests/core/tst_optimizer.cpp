// SGD (momentum, dampening, Nesterov), RMSprop (centered, momentum) and Adam (weight decay) against several
// steps of torch.optim on the same fixed gradients, clip_grad_norm_ against torch, and settings validation.
#include "fixture_loader.h"
#include "english_problem.h"
#include "model/optimizer.h"

using namespace lstm;
using lstm::test::english;

namespace {
Vector<float> toVector(const QJsonValue &value) {
  const std::vector<double> values = test::flatten(value);
  Vector<float> v(Eigen::Index(values.size()));
  for (std::size_t k = 0; k < values.size(); ++k)
    v(Eigen::Index(k)) = float(values[k]);
  return v;
}
} // namespace

class TestOptimizer : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void matchesTorch_data();
  void matchesTorch();
  void clipMatchesTorch();
  void clipWithoutLimitOnlyMeasures();
  void rejectsImpossibleSettings_data();
  void rejectsImpossibleSettings();
};

void TestOptimizer::matchesTorch_data() {
  QTest::addColumn<QString>("name");
  for (const char *name : {"sgd_plain", "sgd_momentum", "sgd_nesterov", "rmsprop", "rmsprop_centered_momentum", "adam",
                           "adam_weight_decay"})
    QTest::newRow(name) << QString::fromLatin1(name);
}

void TestOptimizer::matchesTorch() {
  QFETCH(QString, name);
  const QJsonObject fx = test::readJsonFixture(QStringLiteral("pytorch_optimizers.json"));
  const QJsonObject c = fx[QStringLiteral("cases")].toObject()[name].toObject();
  const QJsonObject s = c[QStringLiteral("settings")].toObject();
  OptimizerSettings settings;
  const QString kind = c[QStringLiteral("optimizer")].toString();
  settings.kind = kind == QLatin1String("SGD") ? OptimizerKind::Sgd
                  : kind == QLatin1String("RMSprop") ? OptimizerKind::RmsProp
                                                     : OptimizerKind::Adam;
  settings.learningRate = s[QStringLiteral("lr")].toDouble();
  settings.momentum = s[QStringLiteral("momentum")].toDouble(0.0);
  settings.dampening = s[QStringLiteral("dampening")].toDouble(0.0);
  settings.nesterov = s[QStringLiteral("nesterov")].toBool(false);
  settings.weightDecay = s[QStringLiteral("weight_decay")].toDouble(0.0);
  settings.alpha = s[QStringLiteral("alpha")].toDouble(0.99);
  settings.centered = s[QStringLiteral("centered")].toBool(false);
  settings.epsilon = s[QStringLiteral("eps")].toDouble(1e-8);
  const QJsonArray betas = s[QStringLiteral("betas")].toArray();
  if (!betas.isEmpty()) {
    settings.beta1 = betas[0].toDouble();
    settings.beta2 = betas[1].toDouble();
  }
  QVERIFY(settings.validate());

  Vector<float> params = toVector(fx[QStringLiteral("p0")]);
  Optimizer<float> optimizer(settings, params.size());
  const QJsonArray grads = fx[QStringLiteral("grads")].toArray();
  const QJsonArray expected = c[QStringLiteral("after_each_step")].toArray();
  QCOMPARE(grads.size(), expected.size());
  for (qsizetype step = 0; step < grads.size(); ++step) {
    optimizer.step(params, toVector(grads[step]));
    const double difference = (params - toVector(expected[step])).cwiseAbs().maxCoeff();
    QVERIFY2(difference <= 2e-6, qPrintable(QStringLiteral("step %1 differs by %2").arg(step + 1).arg(difference)));
  }
  QCOMPARE(optimizer.stepCount(), qint64(grads.size()));
}

void TestOptimizer::clipMatchesTorch() {
  const QJsonObject fx = test::readJsonFixture(QStringLiteral("pytorch_optimizers.json"));
  for (const QJsonValue &value : fx[QStringLiteral("clip")].toArray()) {
    const QJsonObject clip = value.toObject();
    Vector<float> grads = toVector(clip[QStringLiteral("grads")]);
    const double norm = clipGradientNorm(grads, clip[QStringLiteral("max_norm")].toDouble());
    QVERIFY(std::fabs(norm - clip[QStringLiteral("total_norm")].toDouble()) <= 1e-5);
    QVERIFY((grads - toVector(clip[QStringLiteral("clipped")])).cwiseAbs().maxCoeff() <= 1e-6);
  }
}

void TestOptimizer::clipWithoutLimitOnlyMeasures() {
  Vector<float> grads(3);
  grads << 3.0f, 0.0f, 4.0f;
  const Vector<float> before = grads;
  QCOMPARE(clipGradientNorm(grads, 0.0), 5.0);
  QCOMPARE(grads, before);
  QCOMPARE(clipGradientNorm(grads, 1.0), 5.0);
  QVERIFY(std::fabs(grads.norm() - 1.0f) < 1e-5f);
}

void TestOptimizer::rejectsImpossibleSettings_data() {
  QTest::addColumn<int>("field");
  QTest::addColumn<double>("value");
  QTest::addColumn<QString>("phrase");
  QTest::newRow("zero learning rate") << 0 << 0.0 << QStringLiteral("learning rate");
  QTest::newRow("negative learning rate") << 0 << -1.0 << QStringLiteral("learning rate");
  QTest::newRow("NaN learning rate") << 0 << std::nan("") << QStringLiteral("learning rate");
  QTest::newRow("momentum 1") << 1 << 1.0 << QStringLiteral("momentum");
  QTest::newRow("beta2 1") << 2 << 1.0 << QStringLiteral("beta2");
  QTest::newRow("epsilon 0") << 3 << 0.0 << QStringLiteral("epsilon");
}

void TestOptimizer::rejectsImpossibleSettings() {
  QFETCH(int, field);
  QFETCH(double, value);
  QFETCH(QString, phrase);
  OptimizerSettings settings;
  double *fields[] = {&settings.learningRate, &settings.momentum, &settings.beta2, &settings.epsilon};
  *fields[field] = value;
  Problem problem;
  QVERIFY(!settings.validate(&problem));
  QVERIFY2(english(problem).contains(phrase), qPrintable(english(problem)));
}

QTEST_GUILESS_MAIN(TestOptimizer)
#include "tst_optimizer.moc"
