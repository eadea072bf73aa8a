#pragma once
// The distribution over the next token at the cursor: horizontal bars of the top-k tokens from the trace, the
// token actually read next in another colour and its probability in the title (even outside the top-k, from
// the recorded loss). Regression models show the prediction vector instead; series models the value read, the
// predicted next value and the true next value once read (original units). In pick mode (write mode) a click
// on a bar steps the session with that token.
#include <QList>
#include <QRect>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <vector>

class QCPBars;
class QCPItemText;
class QCPTextElement;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QShowEvent;
class QSpinBox;

namespace lstm {

class ExplorerSession;
class RefreshCoalescer;

class NextTokenView : public QWidget {
  Q_OBJECT
public:
  explicit NextTokenView(ExplorerSession *session, QWidget *parent = nullptr);
  ~NextTokenView() override;

  // Saves the plot as PNG or PDF (by extension); false with "<path>: <problem>" in `error`.
  bool exportImage(const QString &path, QString *error);
  // Rebuilds and replots at once instead of at the next coalesced refresh (tests, exports).
  void refreshNow();
  // Tokens of the bars: the top-k, most likely first, then the token read next if it is not among them
  // (empty for regression models).
  QList<std::int32_t> shownTokens() const { return m_tokens; }
  int barCount() const { return int(m_values.size()); }
  double barValue(int index) const { return m_values[std::size_t(index)]; } // probability, prediction or value
  int actualIndex() const { return m_actualIndex; } // bar of the token (series: value) read next, −1 when not shown
  // Small rectangle, in this view's coordinates, inside bar `index` (0 = top); empty when there is none.
  QRect barRect(int index) const;
  QString title() const;
  long long refreshCount() const;

protected:
  void showEvent(QShowEvent *event) override;
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  void requestRefresh();
  void refresh();
  void loadDistribution(int step);
  void loadPrediction(int step);
  void loadSeriesPrediction(int step);
  void layoutBars();
  void onMouseRelease(QMouseEvent *event);
  int barAt(const QPointF &plotPos) const;

  ExplorerSession *m_session;
  QCustomPlot *m_plot = nullptr;
  QSpinBox *m_topKSpin = nullptr;
  QLabel *m_topKLabel = nullptr;
  RefreshCoalescer *m_refresher = nullptr;
  QCPTextElement *m_title = nullptr;
  QCPBars *m_bars = nullptr;        // every shown entry
  QCPBars *m_actualBars = nullptr;  // the token read next, drawn over its bar in another colour
  std::vector<QCPItemText *> m_labels; // value at the end of each bar, pooled
  QList<std::int32_t> m_tokens;
  std::vector<double> m_values;
  std::vector<QString> m_names;
  int m_actualIndex = -1;
  QPoint m_pressPos;
};

} // namespace lstm
