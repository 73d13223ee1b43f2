# gradrepl-corpus: target=model.layers[0].kernel cause=non_differentiable_op line=8 symptom=grad_none
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.Input((6,)),
    tf.keras.layers.Dense(4, activation="sigmoid"),
    tf.keras.layers.Lambda(lambda t: tf.round(t)),
    tf.keras.layers.Dense(1),
])
model.compile(optimizer="sgd", loss="mse")
x = np.random.rand(32, 6).astype("float32")
y = np.random.rand(32, 1).astype("float32")
model.fit(x, y, epochs=1, batch_size=8, verbose=0)
