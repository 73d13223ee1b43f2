# gradrepl-corpus: target=model cause=keras_model_not_built line=9 symptom=error
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(8, activation="relu"), tf.keras.layers.Dense(1)])
opt = tf.keras.optimizers.Adam()
x = tf.random.normal((16, 4))
y = tf.random.normal((16, 1))

weights = model.trainable_weights
for epoch in range(2):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    grads = tape.gradient(loss, weights)
    opt.apply_gradients(zip(grads, weights))
