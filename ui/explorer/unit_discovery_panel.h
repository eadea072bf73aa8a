#pragma once
// Unit discovery: the units of the selected layer ranked by how well a quantity (c, h or a gate)
// follows a feature of the text read so far (core/explore/unit_ranking.h), and the gate saturation of every unit
// (shown by SaturationScatter). Clicking a ranked unit or a dot selects that unit in every view.
// Recomputes at most a few times a second and not at all while hidden; one recompute is one pass over
// (steps × H) per plot, about 20 ms for 20 000 steps × 512 units in Release. Series models (no text) show only
// the saturation plot. GUI thread only.
#include "explore/text_features.h"
#include "explore/unit_ranking.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QResizeEvent;
class QShowEvent;
class QTableView;

namespace lstm {

class ExplorerSession;
class RefreshCoalescer;
class SaturationScatter;
class ScoreTableModel;

class UnitDiscoveryPanel : public QWidget {
  Q_OBJECT
public:
  explicit UnitDiscoveryPanel(ExplorerSession *session, QWidget *parent = nullptr);
  ~UnitDiscoveryPanel() override;

  static QString featureName(TextFeature feature); // "bracket depth", … in the current UI language

  // Recomputes and replots at once instead of at the next coalesced refresh (tests, benchmarks).
  void refreshNow();
  // Ranked units of the shown layer, best first; empty without a text feature (no model, no steps, series
  // model, empty or invalid pattern).
  const std::vector<UnitScore> &scores() const { return m_scores; }
  // Saturation of the chosen gate per unit (entry k is unit k), as plotted.
  const std::vector<UnitScore> &saturation() const;
  int shownLayer() const { return m_layer; }   // −1 without a model
  // The chosen text feature over the session's text (entry s: after reading character s); empty without one
  // (no model, series model, empty or invalid pattern). Computed now, whether or not the panel is shown.
  std::vector<double> featureValues() const;
  bool refreshPending() const;               // a coalesced refresh is scheduled
  long long recomputeCount() const { return m_recomputes; }
  double lastRecomputeMs() const { return m_lastRecomputeMs; }

Q_SIGNALS:
  void featureChanged(); // another feature or pattern was chosen

protected:
  void showEvent(QShowEvent *event) override;
  void resizeEvent(QResizeEvent *event) override;
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  void markDirty(bool newRanking); // newRanking: another question (quantity, feature, layer, model)
  void requestRefresh();
  void refresh();
  void recompute();
  QString rankByFeature(int layer); // fills m_scores; returns the summary line
  void showSelection();
  void setMessage(const QString &text, bool error);
  void fitLabels();
  Quantity quantity() const;

  ExplorerSession *m_session;
  QComboBox *m_quantityCombo = nullptr;
  QComboBox *m_featureCombo = nullptr;
  QLineEdit *m_regexEdit = nullptr;
  QLabel *m_message = nullptr;
  QLabel *m_summary = nullptr;
  QTableView *m_table = nullptr;
  SaturationScatter *m_scatter = nullptr;
  QLabel *m_rankLabel = nullptr, *m_byLabel = nullptr;
  QWidget *m_rankingBox = nullptr;     // the table and its header; hidden for series models
  ScoreTableModel *m_model = nullptr;
  RefreshCoalescer *m_refresher = nullptr;
  std::vector<UnitScore> m_scores;     // best first
  bool m_dirty = true;                 // the trace, text or a choice changed since the last recompute
  bool m_newRanking = true;            // … and the question itself changed: show the table from the top
  int m_layer = -1;                    // layer of m_scores and the saturation
  int m_shownUnit = -1;                // last highlighted unit, to scroll the table only when it changes
  long long m_recomputes = 0;
  double m_lastRecomputeMs = 0.0;
};

} // namespace lstm
