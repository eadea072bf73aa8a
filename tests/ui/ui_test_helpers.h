#pragma once
// Small helpers shared by the GUI tests.
#include "explore/stepper.h"

#include <QByteArray>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QMainWindow>
#include <QFile>
#include <QSpinBox>
#include <QString>
#include <QWidget>

#include <cstdint>

namespace lstm::test {

// Saves a render of `widget` as <LSTM_VIEW_PNG_DIR>/<name> when that variable is set, so a person can look at it.
inline void savePng(QWidget &widget, const QString &name) {
  const QString dir = qEnvironmentVariable("LSTM_VIEW_PNG_DIR");
  if (!dir.isEmpty())
    widget.grab().save(dir + QLatin1Char('/') + name);
}

// The layout a user sees, one line per dock (sorted): name, area, shown or not, its tab group, and its geometry
// when it is the tab in front. saveState() bytes also keep the stale sizes of tabs behind others, which a window
// may change while it is reshaped (presentation mode) without anything visible changing, so tests compare this.
inline QStringList dockLayout(QMainWindow &window) {
  QStringList lines;
  for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
    QStringList tabs;
    for (QDockWidget *tab : window.tabifiedDockWidgets(dock))
      tabs << tab->objectName();
    tabs.sort();
    const QRect g = dock->geometry();
    const bool inFront = dock->isVisible() && g.x() >= 0 && g.y() >= 0; // tabs behind are moved off the window
    lines << QStringLiteral("%1 area=%2 visible=%3 tabs=[%4] %5")
                 .arg(dock->objectName())
                 .arg(int(window.dockWidgetArea(dock)))
                 .arg(dock->isVisible())
                 .arg(tabs.join(QLatin1Char(',')),
                      inFront ? QStringLiteral("%1,%2 %3x%4").arg(g.x()).arg(g.y()).arg(g.width()).arg(g.height())
                              : QString());
  }
  lines.sort();
  return lines;
}

// A deterministic text over the test alphabet's lower-case letters, spaces and newlines.
inline QString makeText(int length) {
  const QString letters = QStringLiteral("the quick brown fox jumps over a lazy dog\n");
  QString text;
  text.reserve(length);
  for (int i = 0; i < length; ++i)
    text += letters[(i * 7 + i / 13) % letters.size()];
  return text;
}

// Bit-for-bit equality of two network states.
inline bool sameState(const NetworkState &a, const NetworkState &b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k].hidden != b[k].hidden || a[k].cell != b[k].cell)
      return false;
  return true;
}

// Sentences from a tiny grammar ("the cat sees a hat.") as UTF-8: structure an LSTM learns in a few hundred
// iterations, so training tests see the loss fall quickly.
inline QByteArray grammarText(int sentences) {
  const char *subjects[] = {"the cat", "a dog", "my friend"};
  const char *verbs[] = {" sees", " likes", " finds"};
  const char *objects[] = {" the moon.\n", " a hat.\n", " the red ball.\n"};
  QByteArray text;
  std::uint64_t state = 12345;
  const auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return int((state >> 33) % 3);
  };
  for (int k = 0; k < sentences; ++k) {
    text += subjects[next()];
    text += verbs[next()];
    text += objects[next()];
  }
  return text;
}

// The child of `parent` named `name`; a test that asks for a missing one stops with its name.
template <typename T>
T *child(QWidget *parent, const char *name) {
  auto *found = parent->findChild<T *>(QString::fromLatin1(name));
  if (!found)
    qFatal("no child named %s", name);
  return found;
}

// Settings that train a small model on grammarText quickly, through the form's own spin boxes.
inline void setSmallTrainingSettings(QWidget *form, int iterations) {
  child<QSpinBox>(form, "hiddenSpin")->setValue(16);
  child<QSpinBox>(form, "layersSpin")->setValue(1);
  child<QSpinBox>(form, "embedSpin")->setValue(0);
  child<QSpinBox>(form, "seqSpin")->setValue(16);
  child<QSpinBox>(form, "batchSpin")->setValue(8);
  child<QDoubleSpinBox>(form, "lrSpin")->setValue(0.01);
  child<QSpinBox>(form, "itersSpin")->setValue(iterations);
  child<QSpinBox>(form, "evalSpin")->setValue(50);
}

inline bool writeFile(const QString &path, const QByteArray &bytes) {
  QFile file(path);
  return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace lstm::test
